//! `collections` (spec §12.4): pure functions on arrays. They never modify their
//! arguments; callbacks see a snapshot of the items taken when the function was called.

use std::rc::Rc;

use super::{chunks_of, flatten_items, holds, Member};
use crate::error::{index_error, Result};
use crate::methods::sort::{sort_indices, sorted_values};
use crate::natives::{check_arity, int_arg, kind_error, optional};
use crate::ops;
use crate::value::{Array, Value};
use crate::vm::Vm;

pub(super) fn members() -> Vec<Member> {
    use Member::Function;
    vec![
        Function("length", "length(lst): the number of items", length),
        Function("append", "append(lst, x): a new array with x added at the end", append),
        Function("prepend", "prepend(lst, x): a new array with x added at the front", prepend),
        Function("concat", "concat(a, b): a new array of the items of a, then of b", concat),
        Function("get", "get(lst, i): the item at i (negative from the end), or null", get),
        Function("first", "first(lst): the first item, or null", first),
        Function("last", "last(lst): the last item, or null", last),
        Function("slice", "slice(lst, start[, end]): lst[start:end]", slice),
        Function("reverse", "reverse(lst): a reversed copy", reverse),
        Function("contains", "contains(lst, x): whether some item equals x", contains),
        Function(
            "indexOf",
            "indexOf(lst, x): the position of the first item equal to x, or -1",
            index_of,
        ),
        Function(
            "index_of",
            "index_of(lst, x): the position of the first item equal to x, or -1",
            index_of,
        ),
        Function("filter", "filter(lst, pred): the items for which pred(item) is truthy", filter),
        Function("map", "map(lst, f): [f(item), ...]", map),
        Function("find", "find(lst, pred): the first item with a truthy pred(item), or null", find),
        Function(
            "reduce",
            "reduce(lst, f, initial): the left fold f(acc, item) from initial",
            reduce,
        ),
        Function("removeAt", "removeAt(lst, i): a copy without the item at i", remove_at),
        Function("remove_at", "remove_at(lst, i): a copy without the item at i", remove_at),
        Function("isEmpty", "isEmpty(lst): whether the array has no items", is_empty),
        Function("is_empty", "is_empty(lst): whether the array has no items", is_empty),
        Function("take", "take(lst, n): lst[0:n]", take),
        Function("drop", "drop(lst, n): lst[n:]", drop),
        Function("unique", "unique(lst): the first occurrence of each distinct item", unique),
        Function(
            "flatten",
            "flatten(lst): array items replaced by their items (one level)",
            flatten,
        ),
        Function("zip", "zip(a, b): [[a0, b0], [a1, b1], ...], as long as the shorter", zip),
        Function("sort", "sort(lst[, reverse=false]): a sorted copy", sort),
        Function(
            "sortBy",
            "sortBy(lst, keyFn[, reverse=false]): a copy sorted by keyFn(item)",
            sort_by,
        ),
        Function("chunk", "chunk(lst, size): consecutive slices of size items", chunk),
        Function("every", "every(lst, pred): whether pred(item) is truthy for every item", every),
        Function("some", "some(lst, pred): whether pred(item) is truthy for some item", some),
    ]
}

/// The array argument `args[idx]` of `func`, as its items (a snapshot).
fn items(func: &str, args: &[Value], idx: usize) -> Result<Vec<Value>> {
    array(func, args, idx).map(|a| a.to_vec())
}

fn array<'a>(func: &str, args: &'a [Value], idx: usize) -> Result<&'a Rc<Array>> {
    match &args[idx] {
        Value::Array(a) => Ok(a),
        other => Err(kind_error(func, "an array", other)),
    }
}

fn length(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.length", args, 1, 1)?;
    Ok(Value::Int(array("collections.length", args, 0)?.len() as i64))
}

fn append(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.append", args, 2, 2)?;
    let mut out = items("collections.append", args, 0)?;
    out.push(args[1].clone());
    Ok(Value::array(out))
}

fn prepend(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.prepend", args, 2, 2)?;
    let mut out = vec![args[1].clone()];
    out.extend(items("collections.prepend", args, 0)?);
    Ok(Value::array(out))
}

fn concat(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.concat", args, 2, 2)?;
    let mut out = items("collections.concat", args, 0)?;
    out.extend(items("collections.concat", args, 1)?);
    Ok(Value::array(out))
}

fn get(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.get", args, 2, 2)?;
    let a = array("collections.get", args, 0)?;
    let i = int_arg("collections.get", "an int index", &args[1])?;
    let len = a.len() as i64;
    let at = if i < 0 { i + len } else { i };
    Ok(if (0..len).contains(&at) { a.get(at as usize).unwrap_or(Value::Null) } else { Value::Null })
}

fn first(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.first", args, 1, 1)?;
    Ok(array("collections.first", args, 0)?.get(0).unwrap_or(Value::Null))
}

fn last(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.last", args, 1, 1)?;
    let a = array("collections.last", args, 0)?;
    Ok(a.len().checked_sub(1).and_then(|i| a.get(i)).unwrap_or(Value::Null))
}

/// `lst[start:end]` with the slicing rules of §5.10.
fn slice_of(func: &str, args: &[Value], start: &Value, end: &Value) -> Result<Value> {
    array(func, args, 0)?;
    crate::methods::get_slice(&args[0], start, end, &Value::Null)
}

fn slice(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.slice", args, 2, 3)?;
    let end = args.get(2).cloned().unwrap_or(Value::Null);
    slice_of("collections.slice", args, &args[1], &end)
}

fn take(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.take", args, 2, 2)?;
    int_arg("collections.take", "an int count", &args[1])?;
    slice_of("collections.take", args, &Value::Int(0), &args[1])
}

fn drop(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.drop", args, 2, 2)?;
    int_arg("collections.drop", "an int count", &args[1])?;
    slice_of("collections.drop", args, &args[1], &Value::Null)
}

fn reverse(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.reverse", args, 1, 1)?;
    let mut out = items("collections.reverse", args, 0)?;
    out.reverse();
    Ok(Value::array(out))
}

/// The position of the first item equal to `x`.
fn position(items: &[Value], x: &Value) -> Result<Option<usize>> {
    for (i, item) in items.iter().enumerate() {
        crate::heap::tick()?;
        if ops::equals(item, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn contains(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.contains", args, 2, 2)?;
    let items = items("collections.contains", args, 0)?;
    Ok(Value::Bool(position(&items, &args[1])?.is_some()))
}

fn index_of(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.indexOf", args, 2, 2)?;
    let items = items("collections.indexOf", args, 0)?;
    Ok(Value::Int(position(&items, &args[1])?.map_or(-1, |i| i as i64)))
}

fn filter(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.filter", args, 2, 2)?;
    let mut out = Vec::new();
    for item in items("collections.filter", args, 0)? {
        if holds(vm, &args[1], &item)? {
            out.push(item);
        }
    }
    Ok(Value::array(out))
}

fn map(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.map", args, 2, 2)?;
    let items = items("collections.map", args, 0)?;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(vm.call_value(&args[1], vec![item])?);
    }
    Ok(Value::array(out))
}

fn find(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.find", args, 2, 2)?;
    for item in items("collections.find", args, 0)? {
        if holds(vm, &args[1], &item)? {
            return Ok(item);
        }
    }
    Ok(Value::Null)
}

fn reduce(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.reduce", args, 3, 3)?;
    let mut acc = args[2].clone();
    for item in items("collections.reduce", args, 0)? {
        acc = vm.call_value(&args[1], vec![acc, item])?;
    }
    Ok(acc)
}

fn remove_at(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.removeAt", args, 2, 2)?;
    let mut out = items("collections.removeAt", args, 0)?;
    let i = int_arg("collections.removeAt", "an int index", &args[1])?;
    if i < 0 || i as usize >= out.len() {
        return Err(index_error(format!(
            "`collections.removeAt` index {i} out of range for length {}",
            out.len()
        )));
    }
    out.remove(i as usize);
    Ok(Value::array(out))
}

fn is_empty(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.isEmpty", args, 1, 1)?;
    Ok(Value::Bool(array("collections.isEmpty", args, 0)?.len() == 0))
}

fn unique(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.unique", args, 1, 1)?;
    let mut out: Vec<Value> = Vec::new();
    // Items that can be object keys are found by hashing (key equality is ML's `==` on
    // them); only the others (arrays, objects, NaN) are compared with each other in turn.
    // A key's hash and equality read only immutable parts (a string's text and hash).
    #[allow(clippy::mutable_key_type)]
    let mut seen: std::collections::HashSet<crate::dict::Key> = Default::default();
    let mut others: Vec<Value> = Vec::new();
    for item in items("collections.unique", args, 0)? {
        crate::heap::tick()?;
        match crate::dict::Key::new(item.clone()) {
            Ok(key) => {
                if seen.insert(key) {
                    out.push(item);
                }
            }
            Err(_) => {
                if position(&others, &item)?.is_none() {
                    others.push(item.clone());
                    out.push(item);
                }
            }
        }
    }
    Ok(Value::array(out))
}

fn flatten(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.flatten", args, 1, 1)?;
    Ok(Value::array(flatten_items(items("collections.flatten", args, 0)?)))
}

fn zip(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.zip", args, 2, 2)?;
    let a = items("collections.zip", args, 0)?;
    let b = items("collections.zip", args, 1)?;
    let pairs = a.into_iter().zip(b).map(|(x, y)| Value::array(vec![x, y])).collect();
    Ok(Value::array(pairs))
}

fn sort(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.sort", args, 1, 2)?;
    let items = items("collections.sort", args, 0)?;
    let reverse = optional(args, 1).is_some_and(Value::truthy);
    Ok(Value::array(sorted_values(&items, reverse)?))
}

fn sort_by(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.sortBy", args, 2, 3)?;
    let items = items("collections.sortBy", args, 0)?;
    let reverse = optional(args, 2).is_some_and(Value::truthy);
    let mut keys = Vec::with_capacity(items.len());
    for item in &items {
        keys.push(vm.call_value(&args[1], vec![item.clone()])?);
    }
    let order = if reverse {
        sort_indices(items.len(), &mut |a, b| ops::less_than(&keys[b], &keys[a]))?
    } else {
        sort_indices(items.len(), &mut |a, b| ops::less_than(&keys[a], &keys[b]))?
    };
    Ok(Value::array(order.into_iter().map(|i| items[i].clone()).collect()))
}

fn chunk(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.chunk", args, 2, 2)?;
    chunks_of("collections.chunk", &items("collections.chunk", args, 0)?, &args[1])
}

fn every(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.every", args, 2, 2)?;
    for item in items("collections.every", args, 0)? {
        if !holds(vm, &args[1], &item)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn some(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("collections.some", args, 2, 2)?;
    for item in items("collections.some", args, 0)? {
        if holds(vm, &args[1], &item)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}
