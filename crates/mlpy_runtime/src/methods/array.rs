//! The array methods (spec §10.2). Items are compared with `==` (§5.5) by `remove`,
//! `index` and `count`, and ordered with `<` (§5.6) by the stable `sort`.
//!
//! No method holds a borrow of the items while it compares them mutably: comparisons
//! only read (an array may contain itself), and changes are made afterwards.

use std::rc::Rc;

use crate::display::repr;
use crate::error::{index_error, type_error, value_error, ErrorKind, Result};
use crate::methods::{check_result_size, collect_items, opt_int, sort};
use crate::natives::{opt, req, Kinds, NativeDecl};
use crate::ops;
use crate::support::strings;
use crate::value::{Array, Value};

const ANY: Kinds = Kinds::ANY;
const KIND: &str = "array";

/// Every array method, declared (see `natives`). Sorted by name (a test checks it against
/// `ARRAY_METHODS`).
#[rustfmt::skip]
pub(super) static METHODS: &[NativeDecl] = &[
    NativeDecl::array_method("append", &[req("x", ANY)], "adds x at the end; returns null", append),
    NativeDecl::array_method("clear", &[], "removes every item; returns null", clear),
    NativeDecl::array_method("copy", &[], "a new array with the same items", copy),
    NativeDecl::array_method("count", &[req("x", ANY)], "the number of items equal to x", count),
    NativeDecl::array_method("extend", &[req("items", Kinds::ITERABLE)], "appends every item of an iterable; returns null", extend),
    NativeDecl::array_method("index", &[req("x", ANY), opt("start", Kinds::INT, ""), opt("end", Kinds::INT, "")], "the position of the first item equal to x within [start, end); ValueError if none", index),
    NativeDecl::array_method("insert", &[req("i", Kinds::INT), req("x", ANY)], "inserts x before position i (negative from the end, clamped); returns null", insert),
    NativeDecl::array_method("pop", &[opt("i", Kinds::INT, "-1")], "removes and returns the item at i (default: the last one)", pop),
    NativeDecl::array_method("remove", &[req("x", ANY)], "removes the first item equal to x; ValueError if none; returns null", remove),
    NativeDecl::array_method("reverse", &[], "reverses the items in place; returns null", reverse),
    NativeDecl::array_method("sort", &[], "sorts the items in place, ascending and stable, comparing with <; returns null (for a key or descending order: sorted(items, true), collections.sortBy)", sort),
];

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
    a.push(args[0].clone());
    Ok(Value::Null)
}

fn extend(a: &Rc<Array>, args: &[Value]) -> Result<Value> {
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
    let i = int_param("insert", "position", &args[0])?;
    let len = a.len() as i64;
    let pos = if i < 0 { i.saturating_add(len).max(0) } else { i.min(len) };
    a.insert(pos as usize, args[1].clone());
    Ok(Value::Null)
}

fn remove(a: &Rc<Array>, args: &[Value]) -> Result<Value> {
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
    let items = a.items();
    let mut n = 0i64;
    for item in items.iter() {
        if ops::equals(&item, &args[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn sort(a: &Rc<Array>, _: &[Value]) -> Result<Value> {
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

fn reverse(a: &Rc<Array>, _: &[Value]) -> Result<Value> {
    a.reverse();
    Ok(Value::Null)
}

fn clear(a: &Rc<Array>, _: &[Value]) -> Result<Value> {
    a.clear();
    Ok(Value::Null)
}

fn copy(a: &Rc<Array>, _: &[Value]) -> Result<Value> {
    crate::methods::check_result_size((a.len() * a.item_bytes()) as u64, "copy")?;
    Ok(Value::Array(a.copy()))
}

#[cfg(test)]
mod tests {
    use crate::methods::ARRAY_METHODS;

    #[test]
    fn table_matches_the_method_list() {
        let names: Vec<&str> = super::METHODS.iter().map(|m| m.name).collect();
        assert_eq!(names, ARRAY_METHODS);
        assert!(names.windows(2).all(|w| w[0] < w[1]), "the table must be sorted");
    }
}
