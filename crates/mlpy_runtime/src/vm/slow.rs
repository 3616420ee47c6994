//! The instructions' slow paths: kinds other than the fast path's, errors, iteration.

use crate::dict::{Key, KeyError};
use crate::error::{
    index_error, key_error, runtime_error, type_error, value_error, ErrorKind, Result, RuntimeError,
};
use crate::ops::{self, CmpOp};
use crate::value::{IterState, IteratorObj, Value};
use crate::vm::Vm;

impl Vm {
    /// `RangeInit` when its registers `s..s + 3` are not three ints with a nonzero step:
    /// ints beyond `i64` stay as they are and `RangeNext` steps them exactly (as the
    /// builtin `range` does); anything else is the error the builtin raises for it.
    #[cold]
    #[inline(never)]
    pub(super) fn range_init_slow(&mut self, s: usize) -> Result<()> {
        let is_int = |v: &Value| matches!(v, Value::Int(_) | Value::BigInt(_));
        let args = &self.stack[s..s + 3];
        let zero_step = match &args[2] {
            Value::Int(n) => *n == 0,
            _ => false,
        };
        if args.iter().all(is_int) && !zero_step {
            return Ok(());
        }
        // The builtin raises the error (the same kind and message as `range(...)` in any
        // other place); it cannot succeed on these arguments.
        let args = args.to_vec();
        match crate::builtins::collections::range(self, &args) {
            Err(e) => Err(e),
            Ok(_) => Err(type_error("range() arguments must be ints")),
        }
    }

    /// `RangeNext` when some bound is beyond `i64`: the next item, or `None` at the end.
    #[cold]
    #[inline(never)]
    pub(super) fn range_next_slow(&mut self, s: usize) -> Result<Option<Value>> {
        let (cur, end, step) = (&self.stack[s], &self.stack[s + 1], &self.stack[s + 2]);
        let up = ops::compare(CmpOp::Gt, step, &Value::Int(0))?;
        if !ops::compare(if up { CmpOp::Lt } else { CmpOp::Gt }, cur, end)? {
            return Ok(None);
        }
        let next = ops::add(cur, step)?;
        Ok(Some(std::mem::replace(&mut self.stack[s], next)))
    }
}

#[cold]
pub(super) fn name_error(name: &Value) -> RuntimeError {
    RuntimeError::new(
        ErrorKind::NameError,
        format!("variable `{}` is used before it has a value", crate::display::display(name)),
    )
}

#[cold]
pub(super) fn uninit_error() -> RuntimeError {
    RuntimeError::new(ErrorKind::NameError, "variable used before it has a value")
}

#[cold]
pub(super) fn set_member_error(target: &Value, name: &Value) -> RuntimeError {
    let name = crate::display::display(name);
    match target {
        Value::Module(m) => {
            type_error(format!("cannot assign to member `{name}` of module `{}`", m.name))
        }
        other => type_error(format!("cannot set member `{name}` on {}", other.type_name())),
    }
}

pub(crate) fn key_of(v: &Value) -> Result<Key> {
    Key::new(v.clone()).map_err(|e| match e {
        KeyError::Kind => type_error(format!("{} cannot be an object key", v.type_name())),
        KeyError::Nan => value_error("NaN cannot be an object key"),
    })
}

/// The `IndexError` of `a[i]` (`what` is "array index") or `a[i] = v` ("array assignment
/// index") with an int `i` out of range for an array of `len` items.
#[cold]
pub(super) fn index_out_of_range(what: &str, i: i64, len: usize) -> RuntimeError {
    index_error(format!("{what} {i} out of range for length {len}"))
}

/// `obj[idx]` for everything but the array/int fast path.
#[cold]
pub(crate) fn get_index(obj: &Value, idx: &Value) -> Result<Value> {
    match (obj, idx) {
        (Value::Array(arr), Value::Int(_) | Value::BigInt(_)) => {
            let i = ops::to_index(idx).unwrap_or(0);
            arr.get_at(i).ok_or_else(|| {
                index_error(format!(
                    "array index {} out of range for length {}",
                    crate::display::display(idx),
                    arr.len()
                ))
            })
        }
        (Value::Str(s), Value::Int(_) | Value::BigInt(_)) => {
            let i = ops::to_index(idx).unwrap_or(0);
            let len = s.char_len() as i64;
            let j = if i < 0 { i.saturating_add(len) } else { i };
            match (0..len).contains(&j).then(|| s.char_at(j as usize)).flatten() {
                Some(c) => Ok(Value::str(c)),
                None => Err(index_error(format!(
                    "string index {} out of range for length {len}",
                    crate::display::display(idx)
                ))),
            }
        }
        (Value::Object(o), k) => {
            let key = key_of(k)?;
            match o.dict.borrow().get(&key) {
                Some(v) => Ok(v.clone()),
                None => Err(key_error(format!("key {} not found", crate::display::repr(k)))),
            }
        }
        (Value::Array(_) | Value::Str(_), i) => Err(type_error(format!(
            "{} indices must be ints, not {}",
            obj.type_name(),
            i.type_name()
        ))),
        (o, _) => Err(type_error(format!("{} cannot be indexed", o.type_name()))),
    }
}

/// `obj[idx] = v` for everything but the array/int fast path.
#[cold]
pub(super) fn set_index(obj: &Value, idx: &Value, v: Value) -> Result<()> {
    match (obj, idx) {
        (Value::Array(arr), Value::Int(_) | Value::BigInt(_)) => {
            let i = ops::to_index(idx).unwrap_or(0);
            if arr.set_at(i, v) {
                Ok(())
            } else {
                Err(index_error(format!(
                    "array assignment index {} out of range for length {}",
                    crate::display::display(idx),
                    arr.len()
                )))
            }
        }
        (Value::Array(_), i) => {
            Err(type_error(format!("array indices must be ints, not {}", i.type_name())))
        }
        (Value::Object(o), k) => {
            let key = key_of(k)?;
            o.dict.borrow_mut().insert(key, v);
            o.account();
            Ok(())
        }
        (Value::Str(_), _) => Err(type_error("strings are immutable: cannot assign to an index")),
        (o, _) => Err(type_error(format!("{} does not support item assignment", o.type_name()))),
    }
}

/// Prepares `for` iteration: arrays iterate in place by position; everything else goes
/// through an `Iterator`.
pub(super) fn iter_init(v: Value) -> Result<(Value, Value)> {
    let it = match v {
        Value::Array(_) => return Ok((v, Value::Int(0))),
        Value::Iterator(_) => return Ok((v, Value::Null)),
        Value::Str(s) => IterState::Str { text: s, byte_pos: 0 },
        Value::Object(o) => {
            let version = o.dict.borrow().version();
            IterState::Keys { object: o, pos: 0, version }
        }
        other => {
            return Err(type_error(format!("cannot iterate over {}", other.type_name())));
        }
    };
    Ok((Value::Iterator(IteratorObj::new(it)), Value::Null))
}

/// The next item of an iterator, or `None` when it is exhausted.
pub fn iter_next(it: &IteratorObj) -> Result<Option<Value>> {
    let mut state = it.state.borrow_mut();
    match &mut *state {
        IterState::Array { array, pos } => {
            let v = array.get(*pos);
            *pos += 1;
            Ok(v)
        }
        IterState::Str { text, byte_pos } => {
            let s = text.as_str();
            match s[*byte_pos..].chars().next() {
                Some(c) => {
                    let start = *byte_pos;
                    *byte_pos += c.len_utf8();
                    Ok(Some(Value::str(&s[start..*byte_pos])))
                }
                None => Ok(None),
            }
        }
        IterState::Keys { object, pos, version } => {
            let d = object.dict.borrow();
            if d.version() != *version {
                return Err(runtime_error("object keys changed while iterating over it"));
            }
            let k = d.get_index(*pos).map(|(k, _)| k.clone());
            *pos += 1;
            Ok(k)
        }
        IterState::Range { next, stop, step } => {
            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                let v = *next;
                *next = next.checked_add(*step).unwrap_or(*stop);
                Ok(Some(Value::Int(v)))
            } else {
                Ok(None)
            }
        }
        IterState::Done => Ok(None),
    }
}
