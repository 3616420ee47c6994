//! `sum(items[, start])` (spec §11.5): an exact int phase, a compensated float phase and
//! a generic phase with the `+` operator, following the specification step by step.
//!
//! "An int with `-2^63 <= x < 2^63`" is exactly a `Value::Int` (a `Value::BigInt` never
//! holds a value that fits in an `i64`).

use crate::error::{type_error, Result, RuntimeError};
use crate::methods::{item_iterator, not_iterable};
use crate::natives::optional;
use crate::ops;
use crate::value::Value;
use crate::vm::{iter_next, Vm};

pub(crate) fn sum(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let it = item_iterator(&args[0]).ok_or_else(|| not_iterable("sum", &args[0]))?;
    let start = optional(args, 1).cloned().unwrap_or(Value::Int(0));
    sum_values(start, &mut || iter_next(&it))
}

#[cold]
fn string_error(what: &str) -> RuntimeError {
    type_error(format!(
        "`sum` cannot add strings ({what} is a string); use `\"\".join(items)` to concatenate"
    ))
}

/// Checks that an item is not a string before it is added.
fn item(v: Value) -> Result<Value> {
    if matches!(v, Value::Str(_)) {
        return Err(string_error("an item"));
    }
    Ok(v)
}

/// The sum of `start` and the items produced by `next` (§11.5).
pub(crate) fn sum_values(
    start: Value,
    next: &mut dyn FnMut() -> Result<Option<Value>>,
) -> Result<Value> {
    if matches!(start, Value::Str(_)) {
        return Err(string_error("the start value"));
    }
    // Step 1: the int phase.
    let mut r = start;
    if let Value::Int(mut t) = r {
        loop {
            let Some(x) = next()? else { return Ok(Value::Int(t)) };
            let x = item(x)?;
            if let Value::Int(i) = x {
                if let Some(s) = t.checked_add(i) {
                    t = s;
                    continue;
                }
            }
            r = ops::add(&Value::Int(t), &x)?;
            break;
        }
    }
    // Step 2: the float phase, with compensation.
    if let Value::Float(mut f) = r {
        let mut c = 0.0f64;
        loop {
            let Some(x) = next()? else {
                if c != 0.0 && c.is_finite() {
                    f += c;
                }
                return Ok(Value::Float(f));
            };
            match item(x)? {
                Value::Float(x) => {
                    let s = f + x;
                    if f.abs() >= x.abs() {
                        c += (f - s) + x;
                    } else {
                        c += (x - s) + f;
                    }
                    f = s;
                }
                Value::Int(i) => f += i as f64,
                other => {
                    if c != 0.0 && c.is_finite() {
                        f += c;
                    }
                    r = ops::add(&Value::Float(f), &other)?;
                    break;
                }
            }
        }
    }
    // Step 3: the generic phase.
    while let Some(x) = next()? {
        r = ops::add(&r, &item(x)?)?;
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn run(start: Value, items: Vec<Value>) -> Result<Value> {
        let mut it = items.into_iter();
        sum_values(start, &mut || Ok(it.next()))
    }

    fn floats(xs: &[f64]) -> Vec<Value> {
        xs.iter().map(|&x| Value::Float(x)).collect()
    }

    fn show(v: Result<Value>) -> String {
        match v {
            Ok(v) => crate::display::repr(&v),
            Err(e) => e.kind().name().to_owned(),
        }
    }

    #[test]
    fn spec_examples() {
        assert_eq!(show(run(Value::Int(0), floats(&[0.1, 0.2, 0.3]))), "0.6");
        let mixed = vec![Value::Int(1), Value::Float(2.5), Value::Int(3), Value::Float(4.5)];
        assert_eq!(show(run(Value::Int(0), mixed)), "11.0");
        let ints = vec![Value::Int(1), Value::Int(2), Value::Int(3)];
        assert_eq!(show(run(Value::Float(0.5), ints)), "6.5");
        assert_eq!(show(run(Value::Int(0), vec![])), "0");
        let arrays = vec![Value::array(vec![Value::Int(1)]), Value::array(vec![Value::Int(2)])];
        assert_eq!(show(run(Value::array(vec![]), arrays)), "[1, 2]");
        assert_eq!(show(run(Value::Int(0), vec![Value::str("a")])), "TypeError");
        assert_eq!(show(run(Value::Int(0), vec![Value::Bool(true)])), "TypeError");
        assert_eq!(show(run(Value::str(""), vec![])), "TypeError");
    }

    #[test]
    fn int_overflow_moves_to_exact_big_ints() {
        let items = vec![Value::Int(i64::MAX), Value::Int(1), Value::Int(-1), Value::Int(i64::MAX)];
        let res = run(Value::Int(0), items).expect("ints add");
        assert_eq!(crate::display::repr(&res), "18446744073709551614");
        let back = run(Value::Int(i64::MAX), vec![Value::Int(1), Value::Int(-1)]).expect("ints");
        assert_eq!(crate::display::repr(&back), "9223372036854775807");
    }

    #[test]
    fn compensation_is_exact_where_naive_addition_is_not() {
        // 1e100 + 1.0 - 1e100 is 0.0 naively; compensated it is 1.0.
        let res = run(Value::Int(0), floats(&[1e100, 1.0, -1e100])).expect("floats");
        assert_eq!(show(Ok(res)), "1.0");
        let tenths = floats(&[0.1; 10]);
        assert_eq!(show(run(Value::Int(0), tenths)), "1.0");
    }

    #[test]
    fn infinite_and_nan_compensation_is_dropped() {
        assert_eq!(show(run(Value::Int(0), floats(&[f64::INFINITY, 1.0]))), "inf");
        let res = run(Value::Int(0), floats(&[f64::INFINITY, f64::NEG_INFINITY]));
        assert_eq!(show(res), "nan");
    }

    #[test]
    fn a_big_int_leaves_the_float_phase() {
        let big = Value::bigint(num_bigint::BigInt::from(i64::MAX) * 4);
        let res = run(Value::Int(0), vec![Value::Float(0.5), big, Value::Float(0.25)]);
        assert_eq!(show(res), "3.6893488147419103e+19");
    }

    #[test]
    fn errors_of_the_plus_operator_propagate() {
        let res = run(Value::Int(0), vec![Value::Int(1), Value::Null]);
        assert_eq!(res.map_err(|e| e.kind()).err(), Some(ErrorKind::TypeError));
        let res = run(Value::array(vec![]), vec![Value::Int(1)]);
        assert_eq!(res.map_err(|e| e.kind()).err(), Some(ErrorKind::TypeError));
    }
}
