//! The array methods (spec §10.2). Items are compared with `==` (§5.5) by `remove`,
//! `index` and `count`, and ordered with `<` (§5.6) by the stable `sort`.
//!
//! No method holds a borrow of the items while it compares them mutably: comparisons
//! only read (an array may contain itself), and changes are made afterwards.

use std::rc::Rc;

use crate::display::repr;
use crate::error::{index_error, type_error, value_error, ErrorKind, Result};
use crate::methods::{arity, check_result_size, collect_items, opt_int, sort};
use crate::ops;
use crate::support::strings;
use crate::value::{Array, Str, Value};

type Method = fn(&Rc<Array>, &[Value]) -> Result<Value>;

/// Every array method: name, one-line description (for `help`), implementation. Sorted
/// by name (a test checks it against `ARRAY_METHODS`).
#[rustfmt::skip]
pub(super) const METHODS: &[(&str, &str, Method)] = &[
    ("append", "append(x): adds `x` at the end; returns null", append),
    ("clear", "clear(): removes every item; returns null", clear),
    ("copy", "copy(): a new array with the same items", copy),
    ("count", "count(x): the number of items equal to `x`", count),
    ("extend", "extend(items): appends every item of an iterable; returns null", extend),
    ("index", "index(x[, start[, end]]): the position of the first item equal to `x`; ValueError if none", index),
    ("insert", "insert(i, x): inserts `x` before position `i`; returns null", insert),
    ("pop", "pop([i]): removes and returns the item at `i` (default: the last one)", pop),
    ("remove", "remove(x): removes the first item equal to `x`; ValueError if none; returns null", remove),
    ("reverse", "reverse(): reverses the items in place; returns null", reverse),
    ("sort", "sort(): sorts the items in place, ascending and stable, comparing with `<`; returns null", sort),
];

/// Calls the array method `name`; `None` when arrays have no such method.
pub(crate) fn call(a: &Rc<Array>, name: &Str, args: &[Value]) -> Option<Result<Value>> {
    static INDEX: std::sync::OnceLock<crate::methods::MethodIndex> = std::sync::OnceLock::new();
    let idx = crate::methods::find_method(METHODS, &INDEX, name)?;
    Some((METHODS[idx].2)(a, args))
}

/// The description of the array method `name`.
pub(crate) fn doc(name: &str) -> Option<&'static str> {
    METHODS.binary_search_by(|m| m.0.cmp(name)).ok().map(|i| METHODS[i].1)
}

const KIND: &str = "array";

fn check(name: &str, args: &[Value], min: usize, max: usize) -> Result<()> {
    arity(KIND, name, args, min, max)
}

/// A required int argument.
fn int_param(name: &str, what: &str, v: &Value) -> Result<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::BigInt(b) => Ok(ops::bigint_to_i64_clamped(b)),
        other => Err(type_error(format!(
            "array method `{name}` expects an int {what}, got {}",
            other.type_name()
        ))),
    }
}

/// The position of the first item equal to `x` within `[from, to)`.
fn position_of(a: &Array, x: &Value, from: usize, to: usize) -> Result<Option<usize>> {
    let items = a.items();
    for (i, item) in items.iter().enumerate().take(to).skip(from) {
        if ops::equals(&item, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn append(a: &Rc<Array>, args: &[Value]) -> Result<Value> {
    check("append", args, 1, 1)?;
    a.push(args[0].clone());
    Ok(Value::Null)
}

fn extend(a: &Rc<Array>, args: &[Value]) -> Result<Value> {
    check("extend", args, 1, 1)?;
    // Reserved before anything is copied: the items taken (a temporary copy, 16 bytes
    // each) and the array's new buffer (its items moved there by a reallocation).
    let len = a.len() as u64;
    let incoming = match &args[0] {
        Value::Array(b) => b.len() as u64,
        Value::Str(s) => s.char_len() as u64,
        _ => 0,
    };
    let item = a.item_bytes() as u64;
    check_result_size(incoming * 16 + (len + incoming) * item, "extend")?;
    let new = collect_items(&args[0], "extend")?;
    check_result_size((len + new.len() as u64) * item, "extend")?;
    a.extend(new);
    Ok(Value::Null)
}

fn insert(a: &Rc<Array>, args: &[Value]) -> Result<Value> {
    check("insert", args, 2, 2)?;
    let i = int_param("insert", "position", &args[0])?;
    let len = a.len() as i64;
    let pos = if i < 0 { i.saturating_add(len).max(0) } else { i.min(len) };
    a.insert(pos as usize, args[1].clone());
    Ok(Value::Null)
}

fn remove(a: &Rc<Array>, args: &[Value]) -> Result<Value> {
    check("remove", args, 1, 1)?;
    let x = &args[0];
    match position_of(a, x, 0, usize::MAX)? {
        Some(i) => {
            drop(a.remove(i));
            Ok(Value::Null)
        }
        None => Err(value_error(format!("array method `remove`: {} is not in the array", repr(x)))),
    }
}

fn pop(a: &Rc<Array>, args: &[Value]) -> Result<Value> {
    check("pop", args, 0, 1)?;
    let idx = opt_int(KIND, "pop", "position", args, 0)?;
    let len = a.len() as i64;
    if len == 0 {
        return Err(index_error("array method `pop`: pop from an empty array (length 0)"));
    }
    let i = idx.unwrap_or(-1);
    let j = if i < 0 { i.saturating_add(len) } else { i };
    if !(0..len).contains(&j) {
        return Err(index_error(format!(
            "array method `pop`: index {i} out of range for length {len}"
        )));
    }
    a.remove(j as usize).ok_or_else(|| index_error("array method `pop`: the array changed"))
}

fn index(a: &Rc<Array>, args: &[Value]) -> Result<Value> {
    check("index", args, 1, 3)?;
    let x = &args[0];
    let start = opt_int(KIND, "index", "start", args, 1)?;
    let end = opt_int(KIND, "index", "end", args, 2)?;
    let found = match strings::normalize_range(a.len(), start, end) {
        Some((from, to)) => position_of(a, x, from, to)?,
        None => None,
    };
    found.map(|i| Value::Int(i as i64)).ok_or_else(|| {
        value_error(format!("array method `index`: {} is not in the array", repr(x)))
    })
}

fn count(a: &Rc<Array>, args: &[Value]) -> Result<Value> {
    check("count", args, 1, 1)?;
    let items = a.items();
    let mut n = 0i64;
    for item in items.iter() {
        if ops::equals(&item, &args[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn sort(a: &Rc<Array>, args: &[Value]) -> Result<Value> {
    if !args.is_empty() {
        return Err(type_error(format!(
            "array method `sort` takes no arguments but {} {} given (there is no key or reverse argument; use `sorted(items, true)` or the `collections` module)",
            args.len(),
            if args.len() == 1 { "was" } else { "were" }
        )));
    }
    // Packed ints sort directly.
    if a.sort_ints(false) {
        return Ok(Value::Null);
    }
    // Compare a snapshot: the comparisons may read this very array (it may contain
    // itself), so no mutable borrow is held while they run.
    let items = a.to_vec();
    let res = sort::sorted_values(&items, false).map_err(|e| {
        if e.kind() == ErrorKind::TypeError {
            type_error(format!("array method `sort` cannot order the items: {}", e.message()))
        } else {
            e
        }
    })?;
    a.assign(res);
    Ok(Value::Null)
}

fn reverse(a: &Rc<Array>, args: &[Value]) -> Result<Value> {
    check("reverse", args, 0, 0)?;
    a.reverse();
    Ok(Value::Null)
}

fn clear(a: &Rc<Array>, args: &[Value]) -> Result<Value> {
    check("clear", args, 0, 0)?;
    a.clear();
    Ok(Value::Null)
}

fn copy(a: &Rc<Array>, args: &[Value]) -> Result<Value> {
    check("copy", args, 0, 0)?;
    Ok(Value::Array(a.copy()))
}

#[cfg(test)]
mod tests {
    use crate::methods::ARRAY_METHODS;

    #[test]
    fn table_matches_the_method_list() {
        let names: Vec<&str> = super::METHODS.iter().map(|m| m.0).collect();
        assert_eq!(names, ARRAY_METHODS);
        assert!(names.windows(2).all(|w| w[0] < w[1]), "the table must be sorted");
    }
}
