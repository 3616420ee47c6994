//! Members of the built-in kinds (spec §10, §5.11): `length`, the string and array
//! methods, bound methods, slicing, and iteration of any iterable.

use std::rc::Rc;

use crate::error::{attribute_error, type_error, value_error, Result};
use crate::support::strings;
use crate::value::{Array, BoundMethod, IterState, Str, Value};
use crate::vm::Vm;

/// The methods of strings (spec §10.1), sorted.
pub const STRING_METHODS: &[&str] = &[
    "capitalize", "center", "count", "endswith", "find", "index", "isalnum", "isalpha",
    "isdigit", "islower", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip",
    "replace", "rfind", "rindex", "rjust", "rsplit", "rstrip", "split", "startswith", "strip",
    "swapcase", "title", "upper",
];

/// The methods of arrays (spec §10.2), sorted.
pub const ARRAY_METHODS: &[&str] = &[
    "append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse",
    "sort",
];

/// `v.name` for every kind but objects (whose missing keys read as null).
pub fn get_member(v: &Value, name: &Rc<Str>) -> Result<Value> {
    let n = name.as_str();
    match v {
        Value::Object(o) => Ok(o.dict.borrow().get_str(name).cloned().unwrap_or(Value::Null)),
        Value::Module(m) => m.get(n).ok_or_else(|| {
            attribute_error(format!("module `{}` has no member `{n}`", m.name))
        }),
        Value::Str(s) if n == "length" => Ok(Value::Int(s.char_len() as i64)),
        Value::Array(a) if n == "length" => Ok(Value::Int(a.len() as i64)),
        Value::Str(_) if STRING_METHODS.contains(&n) => Ok(bound(v, name)),
        Value::Array(_) if ARRAY_METHODS.contains(&n) => Ok(bound(v, name)),
        _ => Err(no_member(v, n)),
    }
}

fn bound(v: &Value, name: &Rc<Str>) -> Value {
    Value::Bound(Rc::new(BoundMethod { receiver: v.clone(), name: name.clone() }))
}

#[cold]
fn no_member(v: &Value, name: &str) -> crate::error::RuntimeError {
    attribute_error(format!("{} has no member `{name}`", v.type_name()))
}

/// `receiver.name(args)` for strings, arrays and library objects.
pub fn call_method(vm: &mut Vm, receiver: &Value, name: &Rc<Str>, args: &[Value]) -> Result<Value> {
    let _ = vm;
    match receiver {
        Value::Str(s) => string_method(s, name.as_str(), args),
        Value::Array(a) => array_method(a, name.as_str(), args),
        other => Err(no_member(other, name.as_str())),
    }
}

fn arity(method: &str, args: &[Value], min: usize, max: usize) -> Result<()> {
    if args.len() < min || args.len() > max {
        let expected = if min == max { format!("{min}") } else { format!("{min} to {max}") };
        return Err(type_error(format!(
            "{method}() takes {expected} arguments but {} were given",
            args.len()
        )));
    }
    Ok(())
}

fn string_method(s: &Rc<Str>, name: &str, args: &[Value]) -> Result<Value> {
    let text = s.as_str();
    match name {
        "upper" => {
            arity("upper", args, 0, 0)?;
            Ok(Value::string(strings::upper(text)))
        }
        "lower" => {
            arity("lower", args, 0, 0)?;
            Ok(Value::string(strings::lower(text)))
        }
        _ => Err(attribute_error(format!("string has no method `{name}`"))),
    }
}

fn array_method(a: &Rc<Array>, name: &str, args: &[Value]) -> Result<Value> {
    match name {
        "append" => {
            arity("append", args, 1, 1)?;
            a.push(args[0].clone());
            Ok(Value::Null)
        }
        _ => Err(attribute_error(format!("array has no method `{name}`"))),
    }
}

/// The items of an iterable (spec §6.7): array items, string characters, object keys or
/// the remaining items of an iterator. `Err(())` for any other kind.
pub fn iterate(v: &Value) -> std::result::Result<Vec<Value>, ()> {
    match v {
        Value::Array(a) => Ok(a.items.borrow().clone()),
        Value::Str(s) => Ok(s.as_str().char_indices().map(|(i, c)| {
            Value::str(&s.as_str()[i..i + c.len_utf8()])
        }).collect()),
        Value::Object(o) => Ok(o.dict.borrow().keys().cloned().collect()),
        Value::Iterator(it) => {
            let mut out = Vec::new();
            while let Ok(Some(v)) = crate::vm::iter_next(it) {
                out.push(v);
            }
            *it.state.borrow_mut() = IterState::Done;
            Ok(out)
        }
        _ => Err(()),
    }
}

fn slice_bound(v: &Value, what: &str) -> Result<Option<i64>> {
    match v {
        Value::Null => Ok(None),
        Value::Int(i) => Ok(Some(*i)),
        Value::BigInt(b) => Ok(Some(crate::ops::bigint_to_i64_clamped(b))),
        other => Err(type_error(format!("slice {what} must be an int or null, not {}", other.type_name()))),
    }
}

fn slice_spec(start: &Value, end: &Value, step: &Value) -> Result<(Option<i64>, Option<i64>, i64)> {
    let step = slice_bound(step, "step")?.unwrap_or(1);
    if step == 0 {
        return Err(value_error("slice step cannot be zero"));
    }
    Ok((slice_bound(start, "start")?, slice_bound(end, "end")?, step))
}

/// `obj[start:end:step]` (spec §5.10).
pub fn get_slice(obj: &Value, start: &Value, end: &Value, step: &Value) -> Result<Value> {
    let (start, end, step) = slice_spec(start, end, step)?;
    match obj {
        Value::Array(a) => {
            let items = a.items.borrow();
            let idx = strings::slice_indices(items.len(), start, end, step)
                .ok_or_else(|| value_error("slice step cannot be zero"))?;
            Ok(Value::array(idx.iter().map(|i| items[i].clone()).collect()))
        }
        Value::Str(s) => Ok(Value::string(
            strings::slice_chars(s.as_str(), start, end, step)
                .ok_or_else(|| value_error("slice step cannot be zero"))?,
        )),
        other => Err(type_error(format!("{} cannot be sliced", other.type_name()))),
    }
}

/// `obj[start:end:step] = items` (spec §6.2).
pub fn set_slice(obj: &Value, start: &Value, end: &Value, step: &Value, new: Vec<Value>) -> Result<()> {
    let (start, end, step) = slice_spec(start, end, step)?;
    let Value::Array(a) = obj else {
        return Err(type_error(format!("slice assignment needs an array, not {}", obj.type_name())));
    };
    let mut items = a.items.borrow_mut();
    let len = items.len();
    let idx = strings::slice_indices(len, start, end, step)
        .ok_or_else(|| value_error("slice step cannot be zero"))?;
    if step == 1 {
        let from = if idx.count == 0 {
            // Nothing selected: insert at the (clamped) start.
            let s = start.unwrap_or(0);
            (if s < 0 { (s + len as i64).max(0) } else { s.min(len as i64) }) as usize
        } else {
            idx.start
        };
        items.splice(from..from + idx.count, new);
    } else {
        if new.len() != idx.count {
            return Err(value_error(format!(
                "attempt to assign {} items to an extended slice of {} items",
                new.len(),
                idx.count
            )));
        }
        for (i, v) in idx.iter().zip(new) {
            items[i] = v;
        }
    }
    drop(items);
    a.account();
    Ok(())
}
