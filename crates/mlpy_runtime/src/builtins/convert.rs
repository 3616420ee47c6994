//! Conversion and type inspection builtins (spec §11.2, §11.3): `int`, `float`, `str`,
//! `bool`, `repr`, `typeof`, `isinstance`, `callable`.

use crate::display::{display, repr as literal};
use crate::error::{overflow_error, value_error, Result, RuntimeError};
use crate::natives::kind_error;
use crate::ops;
use crate::support::numeric::{self, IntOrBig};
use crate::support::strings::quote_literal;
use crate::value::Value;
use crate::vm::Vm;

fn int_value(n: IntOrBig) -> Value {
    match n {
        IntOrBig::Small(i) => Value::Int(i),
        IntOrBig::Big(b) => Value::bigint(b),
    }
}

/// `int(x)` for a float: truncation toward zero.
fn float_to_int(x: f64) -> Result<Value> {
    match numeric::float_to_int(x) {
        Some(n) => Ok(int_value(n)),
        None if x.is_nan() => Err(value_error("`int` cannot convert float nan to an int")),
        None => Err(overflow_error(format!(
            "`int` cannot convert float {} to an int",
            if x > 0.0 { "inf" } else { "-inf" }
        ))),
    }
}

#[cold]
fn invalid_numeric(func: &str, s: &str) -> RuntimeError {
    value_error(format!("`{func}` got a string that is not a number: {}", quote_literal(s)))
}

pub(crate) fn int(_: &mut Vm, args: &[Value]) -> Result<Value> {
    match &args[0] {
        Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
        v @ (Value::Int(_) | Value::BigInt(_)) => Ok(v.clone()),
        Value::Float(x) => float_to_int(*x),
        Value::Str(s) => {
            let text = s.as_str();
            // A long text's int is reserved first, and its parse stops at the deadline.
            let parsed = if text.len() > 10_000 {
                crate::heap::reserve_for(text.len() as u64 / 2, "`int`")?;
                let owned = text.to_owned();
                let limbs = text.len() as u64 / 19;
                crate::heap::bounded(limbs.saturating_mul(limbs), move || {
                    numeric::parse_int_literal(&owned)
                })?
            } else {
                numeric::parse_int_literal(text)
            };
            if let Some(n) = parsed {
                return Ok(int_value(n));
            }
            match numeric::parse_numeric_string(text) {
                Some(x) => float_to_int(x),
                None => Err(invalid_numeric("int", text)),
            }
        }
        other => Err(kind_error("int", "a boolean, number or string", other)),
    }
}

pub(crate) fn float(_: &mut Vm, args: &[Value]) -> Result<Value> {
    match &args[0] {
        Value::Bool(b) => Ok(Value::Float(if *b { 1.0 } else { 0.0 })),
        v @ (Value::Int(_) | Value::BigInt(_)) => ops::int_to_float(v)
            .map(Value::Float)
            .map_err(|_| overflow_error("`float`: int too large to convert to a float")),
        Value::Float(x) => Ok(Value::Float(*x)),
        Value::Str(s) => numeric::parse_numeric_string(s.as_str())
            .map(Value::Float)
            .ok_or_else(|| invalid_numeric("float", s.as_str())),
        other => Err(kind_error("float", "a boolean, number or string", other)),
    }
}

/// The decimal text of a big int. log10(2) ≈ 0.30103 digits a bit: the text is reserved
/// before it is made, and a long conversion stops at the deadline.
pub(crate) fn big_text(b: &num_bigint::BigInt, what: &str) -> Result<String> {
    crate::heap::reserve_for(b.bits() * 30_103 / 100_000 + 2, what)?;
    let limbs = b.bits() / 64 + 1;
    let n = b.clone();
    crate::heap::bounded(limbs.saturating_mul(limbs), move || n.to_string())
}

pub(crate) fn str_(_: &mut Vm, args: &[Value]) -> Result<Value> {
    match &args[0] {
        s @ Value::Str(_) => Ok(s.clone()),
        Value::BigInt(b) => big_text(b, "`str`").map(Value::string),
        v => Ok(Value::string(display(v))),
    }
}

pub(crate) fn bool_(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(args[0].truthy()))
}

pub(crate) fn repr(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::string(literal(&args[0])))
}

pub(crate) fn typeof_(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::str(args[0].type_of()))
}

/// Whether `v` is a library object (an opaque object made by the standard library).
fn is_library_object(v: &Value) -> bool {
    v.type_of() == "object" && !matches!(v, Value::Object(_))
}

/// `isinstance(v, name)` (spec §4.6).
pub(crate) fn instance_of(v: &Value, name: &str) -> bool {
    if v.type_of() == name {
        return true;
    }
    match name {
        "int" => matches!(v, Value::Int(_) | Value::BigInt(_)),
        "float" => matches!(v, Value::Float(_)),
        "error" => matches!(v, Value::Object(o) if o.is_error),
        _ => is_library_object(v) && v.type_name() == name,
    }
}

pub(crate) fn isinstance(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let Value::Str(name) = &args[1] else {
        return Err(kind_error("isinstance", "a string", &args[1]));
    };
    Ok(Value::Bool(instance_of(&args[0], name.as_str())))
}

pub(crate) fn callable(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(args[0].is_callable()))
}
