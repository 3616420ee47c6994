//! `collections` (spec §12.4): pure functions on arrays. They never modify their
//! arguments; callbacks see a snapshot of the items taken when the function was called.

use std::rc::Rc;

use super::{chunks_of, flatten_items, holds, no_constants, ModuleDecl};
use crate::error::{index_error, Result};
use crate::methods::sort::{sort_indices, sorted_values};
use crate::natives::{int_arg, kind_error, opt, req, Kinds, NativeDecl};
use crate::ops;
use crate::value::{Array, Value};
use crate::vm::Vm;

pub(super) static MODULE: ModuleDecl = ModuleDecl::new(
    "collections",
    "pure functions on arrays: they never modify their arguments",
    FUNCTIONS,
    no_constants,
);

const ARR: Kinds = Kinds::ARRAY;
const ANY: Kinds = Kinds::ANY;
const FUN: Kinds = Kinds::FUNCTION;
const INT: Kinds = Kinds::INT;

#[rustfmt::skip]
static FUNCTIONS: &[NativeDecl] = &[
    NativeDecl::function("length", &[req("lst", ARR)], "the number of items", length),
    NativeDecl::function("append", &[req("lst", ARR), req("x", ANY)], "a new array with x added at the end", append),
    NativeDecl::function("prepend", &[req("lst", ARR), req("x", ANY)], "a new array with x added at the front", prepend),
    NativeDecl::function("concat", &[req("a", ARR), req("b", ARR)], "a new array of the items of a, then of b", concat),
    NativeDecl::function("get", &[req("lst", ARR), req("i", INT)], "the item at i (negative from the end), or null", get),
    NativeDecl::function("first", &[req("lst", ARR)], "the first item, or null", first),
    NativeDecl::function("last", &[req("lst", ARR)], "the last item, or null", last),
    NativeDecl::function("slice", &[req("lst", ARR), req("start", INT.or(Kinds::NULL)), opt("end", INT.or(Kinds::NULL), "null")], "lst[start:end], with the slicing rules of §5.10", slice),
    NativeDecl::function("reverse", &[req("lst", ARR)], "a reversed copy", reverse),
    NativeDecl::function("contains", &[req("lst", ARR), req("x", ANY)], "whether some item equals x", contains),
    NativeDecl::function("indexOf", &[req("lst", ARR), req("x", ANY)], "the position of the first item equal to x, or -1", index_of),
    NativeDecl::function("index_of", &[req("lst", ARR), req("x", ANY)], "the position of the first item equal to x, or -1", index_of),
    NativeDecl::function("filter", &[req("lst", ARR), req("pred", FUN)], "the items for which pred(item) is truthy", filter),
    NativeDecl::function("map", &[req("lst", ARR), req("f", FUN)], "[f(item), ...]", map),
    NativeDecl::function("find", &[req("lst", ARR), req("pred", FUN)], "the first item with a truthy pred(item), or null", find),
    NativeDecl::function("reduce", &[req("lst", ARR), req("f", FUN), req("initial", ANY)], "the left fold f(acc, item) from initial", reduce),
    NativeDecl::function("removeAt", &[req("lst", ARR), req("i", INT)], "a copy without the item at i (0 <= i < length, else IndexError)", remove_at),
    NativeDecl::function("remove_at", &[req("lst", ARR), req("i", INT)], "a copy without the item at i (0 <= i < length, else IndexError)", remove_at),
    NativeDecl::function("isEmpty", &[req("lst", ARR)], "whether the array has no items", is_empty),
    NativeDecl::function("is_empty", &[req("lst", ARR)], "whether the array has no items", is_empty),
    NativeDecl::function("take", &[req("lst", ARR), req("n", INT)], "lst[0:n]", take),
    NativeDecl::function("drop", &[req("lst", ARR), req("n", INT)], "lst[n:]", drop),
    NativeDecl::function("unique", &[req("lst", ARR)], "the first occurrence of each distinct item (by equality), in order", unique),
    NativeDecl::function("flatten", &[req("lst", ARR)], "array items replaced by their items (one level)", flatten),
    NativeDecl::function("zip", &[req("a", ARR), req("b", ARR)], "[[a0, b0], [a1, b1], ...], as long as the shorter", zip),
    NativeDecl::function("sort", &[req("lst", ARR), opt("reverse", ANY, "false")], "a sorted copy, as sorted (descending if reverse is truthy)", sort),
    NativeDecl::function("sortBy", &[req("lst", ARR), req("keyFn", FUN), opt("reverse", ANY, "false")], "a copy sorted by keyFn(item), stable", sort_by),
    NativeDecl::function("chunk", &[req("lst", ARR), req("size", INT)], "consecutive slices of size items (size <= 0: ValueError)", chunk),
    NativeDecl::function("every", &[req("lst", ARR), req("pred", FUN)], "whether pred(item) is truthy for every item", every),
    NativeDecl::function("some", &[req("lst", ARR), req("pred", FUN)], "whether pred(item) is truthy for some item", some),
];

/// The array argument `args[idx]` of `func`, as its items (a snapshot).
fn items(func: &str, args: &[Value], idx: usize) -> Result<Vec<Value>> {
    // The snapshot is a copy of the array, reserved before it is made.
    crate::methods::collect_items(&Value::Array(array(func, args, idx)?.clone()), func)
}

fn array<'a>(func: &str, args: &'a [Value], idx: usize) -> Result<&'a Rc<Array>> {
    match &args[idx] {
        Value::Array(a) => Ok(a),
        other => Err(kind_error(func, "an array", other)),
    }
}

fn length(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Int(array("collections.length", args, 0)?.len() as i64))
}

fn append(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let mut out = items("collections.append", args, 0)?;
    out.push(args[1].clone());
    Ok(Value::array(out))
}

fn prepend(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let mut out = vec![args[1].clone()];
    out.extend(items("collections.prepend", args, 0)?);
    Ok(Value::array(out))
}

fn concat(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let mut out = items("collections.concat", args, 0)?;
    out.extend(items("collections.concat", args, 1)?);
    Ok(Value::array(out))
}

fn get(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let a = array("collections.get", args, 0)?;
    let i = int_arg("collections.get", "an int index", &args[1])?;
    let len = a.len() as i64;
    let at = if i < 0 { i + len } else { i };
    Ok(if (0..len).contains(&at) { a.get(at as usize).unwrap_or(Value::Null) } else { Value::Null })
}

fn first(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(array("collections.first", args, 0)?.get(0).unwrap_or(Value::Null))
}

fn last(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let a = array("collections.last", args, 0)?;
    Ok(a.len().checked_sub(1).and_then(|i| a.get(i)).unwrap_or(Value::Null))
}

/// `lst[start:end]` with the slicing rules of §5.10.
fn slice_of(args: &[Value], start: &Value, end: &Value) -> Result<Value> {
    crate::methods::get_slice(&args[0], start, end, &Value::Null)
}

fn slice(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let end = args.get(2).cloned().unwrap_or(Value::Null);
    slice_of(args, &args[1], &end)
}

fn take(_: &mut Vm, args: &[Value]) -> Result<Value> {
    slice_of(args, &Value::Int(0), &args[1])
}

fn drop(_: &mut Vm, args: &[Value]) -> Result<Value> {
    slice_of(args, &args[1], &Value::Null)
}

fn reverse(_: &mut Vm, args: &[Value]) -> Result<Value> {
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
    let items = items("collections.contains", args, 0)?;
    Ok(Value::Bool(position(&items, &args[1])?.is_some()))
}

fn index_of(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let items = items("collections.indexOf", args, 0)?;
    Ok(Value::Int(position(&items, &args[1])?.map_or(-1, |i| i as i64)))
}

fn filter(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let mut out = Vec::new();
    for item in items("collections.filter", args, 0)? {
        if holds(vm, &args[1], &item)? {
            out.push(item);
        }
    }
    Ok(Value::array(out))
}

fn map(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let items = items("collections.map", args, 0)?;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(vm.call_value(&args[1], vec![item])?);
    }
    Ok(Value::array(out))
}

fn find(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    for item in items("collections.find", args, 0)? {
        if holds(vm, &args[1], &item)? {
            return Ok(item);
        }
    }
    Ok(Value::Null)
}

fn reduce(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let mut acc = args[2].clone();
    for item in items("collections.reduce", args, 0)? {
        acc = vm.call_value(&args[1], vec![acc, item])?;
    }
    Ok(acc)
}

fn remove_at(_: &mut Vm, args: &[Value]) -> Result<Value> {
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
    Ok(Value::Bool(array("collections.isEmpty", args, 0)?.len() == 0))
}

fn unique(_: &mut Vm, args: &[Value]) -> Result<Value> {
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
    Ok(Value::array(flatten_items("collections.flatten", items("collections.flatten", args, 0)?)?))
}

fn zip(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let a = items("collections.zip", args, 0)?;
    let b = items("collections.zip", args, 1)?;
    let mut pairs = Vec::with_capacity(a.len().min(b.len()));
    for (x, y) in a.into_iter().zip(b) {
        crate::heap::tick()?;
        pairs.push(Value::array(vec![x, y]));
    }
    Ok(Value::array(pairs))
}

fn sort(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let items = items("collections.sort", args, 0)?;
    let reverse = args.get(1).is_some_and(Value::truthy);
    Ok(Value::array(sorted_values(&items, reverse)?))
}

fn sort_by(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let items = items("collections.sortBy", args, 0)?;
    let reverse = args.get(2).is_some_and(Value::truthy);
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
    chunks_of("collections.chunk", &items("collections.chunk", args, 0)?, &args[1])
}

fn every(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    for item in items("collections.every", args, 0)? {
        if !holds(vm, &args[1], &item)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn some(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    for item in items("collections.some", args, 0)? {
        if holds(vm, &args[1], &item)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}
