//! Collection builtins (spec §11.4) and `min`/`max` (§11.6): `len`, `range`,
//! `enumerate`, `zip`, `sorted`, `reversed`, `keys`, `values`, `all`, `any`, `iter`,
//! `next`, `min`, `max`.
//!
//! Iterables are read lazily where that is observable (`zip`, `all` and `any` take from
//! an iterator only the items they need); the others collect every item first.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::error::{runtime_error, type_error, value_error, ErrorKind, Result, RuntimeError};
use crate::methods::{self, check_result_size, collect_items, item_iterator, not_iterable};
use crate::natives::{kind_error, optional};
use crate::ops::{self, CmpOp};
use crate::value::{Array, Items, IteratorObj, Value};
use crate::vm::{iter_next, Vm};

pub(crate) fn len(_: &mut Vm, args: &[Value]) -> Result<Value> {
    match &args[0] {
        Value::Str(s) => Ok(Value::Int(s.char_len() as i64)),
        Value::Array(a) => Ok(Value::Int(a.len() as i64)),
        Value::Object(o) => Ok(Value::Int(o.dict.borrow().len() as i64)),
        other => Err(kind_error("len", "a string, array or object", other)),
    }
}

// ----- range -----------------------------------------------------------------------------

/// An int argument of `range`, exactly.
fn range_int(v: &Value) -> Result<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::BigInt(b) => Ok((**b).clone()),
        other => Err(kind_error("range", "int arguments", other)),
    }
}

pub(crate) fn range(_: &mut Vm, args: &[Value]) -> Result<Value> {
    // `range(stop)`, `range(start, stop[, step])`: in the second form `stop` is required,
    // so a `null` stop is not "omitted" (§11.1) but an argument of the wrong kind.
    let (start, stop) = match args {
        [stop] => (Value::Int(0), stop),
        [start, stop, ..] => (start.clone(), stop),
        [] => return Err(type_error("`range` takes at least 1 argument but 0 were given")),
    };
    let step = optional(args, 2).cloned().unwrap_or(Value::Int(1));
    if let (Value::Int(a), Value::Int(b), Value::Int(s)) = (&start, stop, &step) {
        return range_i64(*a, *b, *s);
    }
    let (start, stop, step) = (range_int(&start)?, range_int(stop)?, range_int(&step)?);
    if step.is_zero() {
        return Err(value_error("`range` step must not be zero"));
    }
    let span = if step.is_positive() { &stop - &start } else { &start - &stop };
    let count = if span.is_positive() { (span - 1) / step.abs() + 1 } else { BigInt::zero() };
    let n = count.to_u64().unwrap_or(u64::MAX);
    check_result_size(n.saturating_mul(std::mem::size_of::<Value>() as u64), "range")?;
    let mut items = Vec::with_capacity(n as usize);
    let mut cur = start;
    for _ in 0..n {
        items.push(Value::bigint(cur.clone()));
        cur += &step;
    }
    Ok(Value::array(items))
}

fn range_i64(start: i64, stop: i64, step: i64) -> Result<Value> {
    if step == 0 {
        return Err(value_error("`range` step must not be zero"));
    }
    let (a, b, s) = (i128::from(start), i128::from(stop), i128::from(step));
    let count = if s > 0 && b > a {
        (b - a - 1) / s + 1
    } else if s < 0 && a > b {
        (a - b - 1) / -s + 1
    } else {
        0
    };
    let n = u64::try_from(count).unwrap_or(u64::MAX);
    // A packed int array: 8 bytes an item.
    check_result_size(n.saturating_mul(std::mem::size_of::<i64>() as u64), "range")?;
    // Every item lies between `start` and `stop`, so it fits in an i64.
    let items = (0..count).map(|k| (a + k * s) as i64).collect();
    Ok(Value::Array(Array::from_ints(items)))
}

// ----- enumerate, zip ----------------------------------------------------------------------

pub(crate) fn enumerate(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let items = collect_items(&args[0], "enumerate")?;
    let start = optional(args, 1).cloned().unwrap_or(Value::Int(0));
    let mut out = Vec::with_capacity(items.len());
    let mut idx = start;
    for item in items {
        let next = match &idx {
            Value::Int(i) if *i < i64::MAX => Value::Int(i + 1),
            _ => ops::add(&idx, &Value::Int(1))?,
        };
        out.push(Value::array(vec![idx, item]));
        idx = next;
    }
    Ok(Value::array(out))
}

/// An iterator over the items of `v`, or a `TypeError` naming `op`.
fn iterator_for(op: &str, v: &Value) -> Result<Rc<IteratorObj>> {
    item_iterator(v).ok_or_else(|| not_iterable(op, v))
}

pub(crate) fn zip(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let its = args.iter().map(|a| iterator_for("zip", a)).collect::<Result<Vec<_>>>()?;
    let mut out = Vec::new();
    if its.is_empty() {
        return Ok(Value::array(out));
    }
    loop {
        let mut row = Vec::with_capacity(its.len());
        for it in &its {
            match iter_next(it)? {
                Some(v) => row.push(v),
                None => return Ok(Value::array(out)),
            }
        }
        // Each row is a new array: checked as they are made.
        crate::heap::tick()?;
        out.push(Value::array(row));
    }
}

// ----- ordering ----------------------------------------------------------------------------

/// Names the builtin in a `TypeError` raised by a comparison it made.
fn in_builtin(func: &str, err: RuntimeError) -> RuntimeError {
    if err.kind() == ErrorKind::TypeError {
        type_error(format!("`{func}` cannot order the items: {}", err.message()))
    } else {
        err
    }
}

pub(crate) fn sorted(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let reverse = optional(args, 1).is_some_and(Value::truthy);
    if let Value::Array(a) = &args[0] {
        // Packed ints sort directly.
        if let Items::Ints(ints) = &*a.items() {
            let sorted = Array::from_ints(ints.clone());
            sorted.sort_ints(reverse);
            return Ok(Value::Array(sorted));
        }
    }
    let items = collect_items(&args[0], "sorted")?;
    let res = methods::sort::sorted_values(&items, reverse).map_err(|e| in_builtin("sorted", e))?;
    Ok(Value::array(res))
}

pub(crate) fn reversed(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let mut items = match &args[0] {
        Value::Array(a) => {
            crate::methods::check_result_size(a.len() as u64 * 16, "reversed")?;
            let copy = a.copy();
            copy.reverse();
            return Ok(Value::Array(copy));
        }
        // One new string per character: reserved before they are made.
        s @ Value::Str(_) => crate::methods::collect_items(s, "reversed")?,
        Value::Object(o) => o.dict.borrow().keys().cloned().collect(),
        other => return Err(kind_error("reversed", "an array, string or object", other)),
    };
    items.reverse();
    Ok(Value::array(items))
}

/// `min` (`want = Lt`) and `max` (`want = Gt`): the scan keeps the first item `m` and
/// replaces it by each later item `x` with `x OP m`, so the first of equal extremes wins.
fn extreme(func: &str, args: &[Value], want: CmpOp) -> Result<Value> {
    let items: Vec<Value> = match args {
        [] => {
            return Err(value_error(format!(
                "`{func}` expects at least one argument or a non-empty array"
            )))
        }
        [Value::Array(a)] => a.to_vec(),
        _ => args.to_vec(),
    };
    let Some((first, rest)) = items.split_first() else {
        return Err(value_error(format!("`{func}` of an empty array")));
    };
    let mut m = first;
    for x in rest {
        let better = match want {
            CmpOp::Lt => ops::less_than(x, m),
            _ => ops::compare(want, x, m),
        };
        if better.map_err(|e| in_builtin(func, e))? {
            m = x;
        }
    }
    Ok(m.clone())
}

pub(crate) fn min(_: &mut Vm, args: &[Value]) -> Result<Value> {
    extreme("min", args, CmpOp::Lt)
}

pub(crate) fn max(_: &mut Vm, args: &[Value]) -> Result<Value> {
    extreme("max", args, CmpOp::Gt)
}

// ----- objects -----------------------------------------------------------------------------

pub(crate) fn keys(_: &mut Vm, args: &[Value]) -> Result<Value> {
    match &args[0] {
        Value::Object(o) => Ok(Value::array(o.dict.borrow().keys().cloned().collect())),
        other => Err(kind_error("keys", "an object", other)),
    }
}

pub(crate) fn values(_: &mut Vm, args: &[Value]) -> Result<Value> {
    match &args[0] {
        Value::Object(o) => Ok(Value::array(o.dict.borrow().values().cloned().collect())),
        other => Err(kind_error("values", "an object", other)),
    }
}

// ----- all, any ----------------------------------------------------------------------------

/// Whether some item's truthiness equals `target` (stops at the first one).
fn find_truthiness(func: &str, args: &[Value], target: bool) -> Result<bool> {
    let it = iterator_for(func, &args[0])?;
    while let Some(v) = iter_next(&it)? {
        if v.truthy() == target {
            return Ok(true);
        }
    }
    Ok(false)
}

pub(crate) fn all(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(!find_truthiness("all", args, false)?))
}

pub(crate) fn any(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(find_truthiness("any", args, true)?))
}

// ----- iter, next --------------------------------------------------------------------------

pub(crate) fn iter(_: &mut Vm, args: &[Value]) -> Result<Value> {
    item_iterator(&args[0])
        .map(Value::Iterator)
        .ok_or_else(|| kind_error("iter", "an array, string, object or Iterator", &args[0]))
}

pub(crate) fn next(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let Value::Iterator(it) = &args[0] else {
        return Err(kind_error("next", "an Iterator (made by `iter`)", &args[0]));
    };
    match iter_next(it)? {
        Some(v) => Ok(v),
        // `next(it, null)` returns null: here null is a value, not "omitted".
        None => match args.get(1) {
            Some(default) => Ok(default.clone()),
            None => {
                Err(runtime_error("`next`: the iterator is exhausted and no default was given"))
            }
        },
    }
}
