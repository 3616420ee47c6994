//! Number and text builtins (spec §11.6, §11.7): `abs`, `round`, `chr`, `ord`, `hex`,
//! `bin`, `oct`, `format`. The arithmetic is in `support::numeric` and
//! `support::format_spec`.

use num_bigint::BigInt;
use num_traits::Signed;

use crate::display::display;
use crate::error::{overflow_error, type_error, value_error, Result, RuntimeError};
use crate::natives::{int_arg, kind_error, optional};
use crate::support::format_spec::{self, FormatError, FormatErrorKind};
use crate::support::numeric::{self, IntOrBig};
use crate::value::Value;
use crate::vm::Vm;

pub(crate) fn abs(_: &mut Vm, args: &[Value]) -> Result<Value> {
    absolute("abs", &args[0])
}

/// The absolute value of a number (an int stays an int), for `abs` and `math.abs`.
pub(crate) fn absolute(func: &str, v: &Value) -> Result<Value> {
    match v {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::bigint(-BigInt::from(*i)),
        }),
        Value::BigInt(b) => Ok(Value::bigint(b.abs())),
        Value::Float(x) => Ok(Value::Float(x.abs())),
        other => Err(kind_error(func, "a number", other)),
    }
}

pub(crate) fn round(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let ndigits = match optional(args, 1) {
        None => 0,
        Some(v) => int_arg("round", "an int number of digits", v)?,
    };
    match &args[0] {
        Value::Float(x) => Ok(Value::Float(numeric::round_float(*x, ndigits))),
        Value::Int(i) => Ok(match numeric::round_i64(*i, ndigits) {
            IntOrBig::Small(v) => Value::Int(v),
            IntOrBig::Big(b) => Value::bigint(b),
        }),
        Value::BigInt(b) => Ok(Value::bigint(numeric::round_int(b, ndigits))),
        other => Err(kind_error("round", "a number", other)),
    }
}

pub(crate) fn chr(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let code = match &args[0] {
        Value::Int(i) => *i,
        Value::BigInt(b) => {
            return Err(value_error(format!("`chr` argument {b} is outside 0…0x10FFFF")))
        }
        other => return Err(kind_error("chr", "an int", other)),
    };
    let c = u32::try_from(code).ok().and_then(char::from_u32).ok_or_else(|| {
        if (0xD800..=0xDFFF).contains(&code) {
            value_error(format!("`chr` argument {code} is a surrogate code point"))
        } else {
            value_error(format!("`chr` argument {code} is outside 0…0x10FFFF"))
        }
    })?;
    Ok(Value::string(c.to_string()))
}

pub(crate) fn ord(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let Value::Str(s) = &args[0] else {
        return Err(kind_error("ord", "a one-character string", &args[0]));
    };
    let mut chars = s.as_str().chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(Value::Int(i64::from(u32::from(c)))),
        _ => Err(type_error(format!(
            "`ord` expects a one-character string, got a string of length {}",
            s.char_len()
        ))),
    }
}

fn in_base(func: &str, args: &[Value], base: u32) -> Result<Value> {
    match &args[0] {
        Value::Int(i) => Ok(Value::string(numeric::to_base_i64(*i, base))),
        Value::BigInt(b) => Ok(Value::string(numeric::to_base(b, base))),
        other => Err(kind_error(func, "an int", other)),
    }
}

pub(crate) fn hex(_: &mut Vm, args: &[Value]) -> Result<Value> {
    in_base("hex", args, 16)
}

pub(crate) fn bin(_: &mut Vm, args: &[Value]) -> Result<Value> {
    in_base("bin", args, 2)
}

pub(crate) fn oct(_: &mut Vm, args: &[Value]) -> Result<Value> {
    in_base("oct", args, 8)
}

#[cold]
fn format_error(err: FormatError) -> RuntimeError {
    let message = format!("`format`: {}", err.message);
    match err.kind {
        FormatErrorKind::Value => value_error(message),
        FormatErrorKind::Overflow => overflow_error(message),
    }
}

pub(crate) fn format(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let spec = match optional(args, 1) {
        None => "",
        Some(Value::Str(s)) => s.as_str(),
        Some(other) => return Err(kind_error("format", "a string specification", other)),
    };
    let v = &args[0];
    if spec.is_empty() {
        return Ok(match v {
            Value::Str(_) => v.clone(),
            _ => Value::string(display(v)),
        });
    }
    let res = match v {
        Value::Int(i) => format_spec::format_i64(*i, spec),
        Value::BigInt(b) => format_spec::format_int(b, spec),
        Value::Float(x) => format_spec::format_float(*x, spec),
        Value::Str(s) => format_spec::format_str(s.as_str(), spec),
        other => {
            return Err(type_error(format!(
                "`format` with a specification expects a number or a string, got {}",
                other.type_name()
            )))
        }
    };
    res.map(Value::string).map_err(format_error)
}
