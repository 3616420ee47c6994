//! `functional` (spec §12.5): combinators that make functions (native functions that
//! carry their parts as data, shown as `<function anonymous>`), and function-first
//! versions of the array helpers, which accept any iterable.

use super::{chunks_of, count_arg, flatten_items, holds, no_constants, ModuleDecl};
use crate::dict::Dict;
use crate::error::{type_error, value_error, Result};
use crate::methods::collect_items;
use crate::natives::{
    check_arity, int_arg, kind_error, opt, req, rest, Kinds, NativeDataFn, NativeDecl,
    NativeFunction,
};
use crate::value::{Object, Value};
use crate::vm::{key_of, Vm};

pub(super) static MODULE: ModuleDecl = ModuleDecl::new(
    "functional",
    "combinators that make functions, and function-first helpers over any iterable",
    FUNCTIONS,
    no_constants,
);

const ANY: Kinds = Kinds::ANY;
const FUN: Kinds = Kinds::FUNCTION;
const INT: Kinds = Kinds::INT;
const ITEMS: Kinds = Kinds::ITERABLE;

#[rustfmt::skip]
static FUNCTIONS: &[NativeDecl] = &[
    NativeDecl::function("compose", &[rest("fns", FUN)], "the function x -> f(g(...(x))) of the functions f, g, ... (applied right to left)", compose),
    NativeDecl::function("composeAll", &[req("fs", Kinds::ARRAY)], "compose of the functions in the array fs", compose_all),
    NativeDecl::function("pipe", &[rest("fns", FUN)], "the function x -> ...(g(f(x))) of the functions f, g, ... (applied left to right)", pipe),
    NativeDecl::function("pipeAll", &[req("fs", Kinds::ARRAY)], "pipe of the functions in the array fs", pipe_all),
    NativeDecl::function("curry", &[req("f", FUN), opt("arity", INT.or(Kinds::NULL), "null")], "f taking its arguments over successive calls until arity are given (null: the parameter count of a named or arrow f)", curry),
    NativeDecl::function("curry2", &[req("f", FUN)], "the function a -> (b -> f(a, b))", curry2),
    NativeDecl::function("partial", &[req("f", FUN), rest("args", ANY)], "f with its first arguments given", partial),
    NativeDecl::function("partial_apply", &[req("f", FUN), rest("args", ANY)], "f with its first arguments given", partial),
    NativeDecl::function("identity", &[req("x", ANY)], "x", identity),
    NativeDecl::function("constant", &[req("v", ANY)], "a function of no arguments returning v", constant),
    NativeDecl::function("memoize", &[req("f", FUN)], "f with its results cached per argument list (arguments must be valid object keys)", memoize),
    NativeDecl::function("map", &[req("f", FUN), req("items", ITEMS)], "[f(item), ...]", map),
    NativeDecl::function("filter", &[req("pred", FUN), req("items", ITEMS)], "the items with a truthy pred(item)", filter),
    NativeDecl::function("reduce", &[req("f", FUN), req("items", ITEMS), opt("initial", ANY, "")], "the left fold f(acc, item) from initial (even null), or else from the first item", reduce),
    NativeDecl::function("forEach", &[req("f", FUN), req("items", ITEMS)], "calls f(item) for each item; returns null", for_each),
    NativeDecl::function("for_each", &[req("f", FUN), req("items", ITEMS)], "calls f(item) for each item; returns null", for_each),
    NativeDecl::function("find", &[req("pred", FUN), req("items", ITEMS)], "the first item with a truthy pred(item), or null", find),
    NativeDecl::function("some", &[req("pred", FUN), req("items", ITEMS)], "whether pred(item) is truthy for some item", some),
    NativeDecl::function("every", &[req("pred", FUN), req("items", ITEMS)], "whether pred(item) is truthy for every item", every),
    NativeDecl::function("zip", &[rest("iterables", ITEMS)], "as the builtin zip", zip),
    NativeDecl::function("range", &[req("start", INT), opt("end", INT, ""), opt("step", INT, "1")], "as the builtin range (one argument is the end)", range),
    NativeDecl::function("repeat", &[req("v", ANY), req("n", INT)], "an array of n times v", repeat),
    NativeDecl::function("take", &[req("n", INT), req("items", ITEMS)], "the first n items", take),
    NativeDecl::function("drop", &[req("n", INT), req("items", ITEMS)], "all but the first n items", drop),
    NativeDecl::function("flatten", &[req("lst", Kinds::ARRAY)], "array items replaced by their items (one level)", flatten),
    NativeDecl::function("chunk", &[req("size", INT), req("items", ITEMS)], "consecutive slices of size items (size <= 0: ValueError)", chunk),
    NativeDecl::function("groupBy", &[req("keyFn", FUN), req("items", ITEMS)], "an object of the items by keyFn(item)", group_by),
    NativeDecl::function("group_by", &[req("keyFn", FUN), req("items", ITEMS)], "an object of the items by keyFn(item)", group_by),
    NativeDecl::function("unique", &[req("items", ITEMS)], "the first occurrence of each item (items must be valid object keys)", unique),
    NativeDecl::function("reverse", &[req("items", ITEMS)], "a reversed array", reverse),
    NativeDecl::function("partition", &[req("pred", FUN), req("items", ITEMS)], "[truthy items, falsy items]", partition),
    NativeDecl::function("ifElse", &[req("pred", FUN), req("f", FUN), req("g", FUN)], "the function x -> pred(x) ? f(x) : g(x)", if_else),
    NativeDecl::function("cond", &[req("pairs", Kinds::ARRAY)], "the function x -> f(x) for the first [pred, f] of pairs with pred(x), or null", cond),
    NativeDecl::function("times", &[req("n", INT), req("f", FUN)], "[f(0), f(1), ..., f(n - 1)]", times),
    NativeDecl::function("zipWith", &[req("f", FUN), req("a", ITEMS), req("b", ITEMS)], "[f(a0, b0), f(a1, b1), ...], as long as the shorter", zip_with),
    NativeDecl::function("takeWhile", &[req("pred", FUN), req("items", ITEMS)], "the leading items with a truthy pred(item)", take_while),
    NativeDecl::function("juxt", &[req("fs", Kinds::ARRAY)], "the function x -> [f(x) for each f in fs]", juxt),
];

/// A function made by this module: `f` called with `data` and its own arguments.
fn made(f: NativeDataFn, data: Vec<Value>) -> Value {
    Value::Native(NativeFunction::made("functional", f, data))
}

/// Checks that `v` can be called (argument `what` of `func`).
fn callable(func: &str, v: &Value) -> Result<Value> {
    if v.is_callable() {
        Ok(v.clone())
    } else {
        Err(kind_error(func, "a function", v))
    }
}

/// The functions of the array argument `v` of `func`.
fn functions(func: &str, v: &Value) -> Result<Vec<Value>> {
    match v {
        Value::Array(a) => a.to_vec().iter().map(|f| callable(func, f)).collect(),
        other => Err(kind_error(func, "an array of functions", other)),
    }
}

// ----- making functions --------------------------------------------------------------------

/// Calls `fns` in order: the first with `args`, each next one with the previous result.
fn chain(vm: &mut Vm, fns: &[Value], args: &[Value]) -> Result<Value> {
    let Some((first, rest)) = fns.split_first() else {
        check_arity("anonymous", args, 1, 1)?;
        return Ok(args[0].clone());
    };
    let mut acc = vm.call_value(first, args.to_vec())?;
    for f in rest {
        acc = vm.call_value(f, vec![acc])?;
    }
    Ok(acc)
}

fn call_composed(vm: &mut Vm, fns: &[Value], args: &[Value]) -> Result<Value> {
    let reversed: Vec<Value> = fns.iter().rev().cloned().collect();
    chain(vm, &reversed, args)
}

fn compose(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(made(call_composed, args.to_vec()))
}

fn compose_all(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(made(call_composed, functions("functional.composeAll", &args[0])?))
}

fn pipe(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(made(chain, args.to_vec()))
}

fn pipe_all(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(made(chain, functions("functional.pipeAll", &args[0])?))
}

/// data: `[f, arity, collected...]`.
fn call_curried(vm: &mut Vm, data: &[Value], args: &[Value]) -> Result<Value> {
    let (f, arity) = (&data[0], data[1].as_int().unwrap_or(0) as usize);
    let mut collected: Vec<Value> = data[2..].to_vec();
    collected.extend(args.iter().cloned());
    if collected.len() >= arity {
        collected.truncate(arity);
        return vm.call_value(f, collected);
    }
    let mut more = vec![f.clone(), data[1].clone()];
    more.extend(collected);
    Ok(made(call_curried, more))
}

fn curry(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let f = args[0].clone();
    let arity = match (args.get(1), &f) {
        (Some(v), _) if !matches!(v, Value::Null) => {
            int_arg("functional.curry", "an int arity", v)?
        }
        (_, Value::Function(c)) => i64::from(c.code.n_params()),
        _ => {
            return Err(type_error(
                "`functional.curry` needs the arity of a function that is not named or arrow",
            ))
        }
    };
    if arity < 0 {
        return Err(value_error(format!("`functional.curry`: arity {arity} is negative")));
    }
    if arity == 0 {
        return vm.call_value(&f, Vec::new());
    }
    Ok(made(call_curried, vec![f, Value::Int(arity)]))
}

fn curry2(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(made(call_curried, vec![args[0].clone(), Value::Int(2)]))
}

/// data: `[f, a1, ...]`.
fn call_partial(vm: &mut Vm, data: &[Value], args: &[Value]) -> Result<Value> {
    let mut all = data[1..].to_vec();
    all.extend(args.iter().cloned());
    vm.call_value(&data[0], all)
}

fn partial(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(made(call_partial, args.to_vec()))
}

fn identity(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(args[0].clone())
}

fn call_constant(_: &mut Vm, data: &[Value], args: &[Value]) -> Result<Value> {
    check_arity("anonymous", args, 0, 0)?;
    Ok(data[0].clone())
}

fn constant(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(made(call_constant, vec![args[0].clone()]))
}

/// data: `[f, cache]`. The cache is an object keyed by the argument count, then by each
/// argument in turn; the innermost level maps the last argument to the result (a call
/// without arguments stores its result under `null` in the count's level).
fn call_memoized(vm: &mut Vm, data: &[Value], args: &[Value]) -> Result<Value> {
    let Value::Object(cache) = &data[1] else { return vm.call_value(&data[0], args.to_vec()) };
    let mut path = vec![Value::Int(args.len() as i64)];
    path.extend(args.iter().cloned());
    if args.is_empty() {
        path.push(Value::Null);
    }
    let keys = path.iter().map(key_of).collect::<Result<Vec<_>>>()?;
    // Walk (and build) the levels down to the one that holds the result.
    let mut level = cache.clone();
    for key in &keys[..keys.len() - 1] {
        let next = level.dict.borrow().get(key).cloned();
        level = match next {
            Some(Value::Object(o)) => o,
            _ => {
                let o = Object::new(Dict::default());
                level.dict.borrow_mut().insert(key.clone(), Value::Object(o.clone()));
                level.account();
                o
            }
        };
    }
    let last = &keys[keys.len() - 1];
    if let Some(hit) = level.dict.borrow().get(last).cloned() {
        return Ok(hit);
    }
    let result = vm.call_value(&data[0], args.to_vec())?;
    level.dict.borrow_mut().insert(last.clone(), result.clone());
    level.account();
    Ok(result)
}

fn memoize(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(made(call_memoized, vec![args[0].clone(), Value::object(Dict::default())]))
}

// ----- over items --------------------------------------------------------------------------

fn items(func: &str, v: &Value) -> Result<Vec<Value>> {
    collect_items(v, func)
}

fn map(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let mut out = Vec::new();
    for item in items("functional.map", &args[1])? {
        out.push(vm.call_value(&args[0], vec![item])?);
    }
    Ok(Value::array(out))
}

fn filter(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let mut out = Vec::new();
    for item in items("functional.filter", &args[1])? {
        if holds(vm, &args[0], &item)? {
            out.push(item);
        }
    }
    Ok(Value::array(out))
}

fn reduce(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let mut items = items("functional.reduce", &args[1])?.into_iter();
    let mut acc = match args.get(2) {
        // With three arguments the initial value is used, even `null`.
        Some(initial) => initial.clone(),
        None => items
            .next()
            .ok_or_else(|| value_error("`functional.reduce` of no items needs an initial value"))?,
    };
    for item in items {
        acc = vm.call_value(&args[0], vec![acc, item])?;
    }
    Ok(acc)
}

fn for_each(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    for item in items("functional.forEach", &args[1])? {
        vm.call_value(&args[0], vec![item])?;
    }
    Ok(Value::Null)
}

fn find(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    for item in items("functional.find", &args[1])? {
        if holds(vm, &args[0], &item)? {
            return Ok(item);
        }
    }
    Ok(Value::Null)
}

fn some(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    for item in items("functional.some", &args[1])? {
        if holds(vm, &args[0], &item)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn every(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    for item in items("functional.every", &args[1])? {
        if !holds(vm, &args[0], &item)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn zip(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    crate::builtins::collections::zip(vm, args)
}

fn range(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    crate::builtins::collections::range(vm, args)
}

fn repeat(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let n = count_arg("functional.repeat", &args[1])?;
    crate::methods::check_result_size((n as u64).saturating_mul(16), "functional.repeat")?;
    Ok(Value::array(vec![args[0].clone(); n]))
}

fn take(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let n = count_arg("functional.take", &args[0])?;
    Ok(Value::array(items("functional.take", &args[1])?.into_iter().take(n).collect()))
}

fn drop(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let n = count_arg("functional.drop", &args[0])?;
    Ok(Value::array(items("functional.drop", &args[1])?.into_iter().skip(n).collect()))
}

fn flatten(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let Value::Array(_) = &args[0] else {
        return Err(kind_error("functional.flatten", "an array", &args[0]));
    };
    Ok(Value::array(flatten_items("functional.flatten", collect_items(&args[0], "functional.flatten")?)?))
}

fn chunk(_: &mut Vm, args: &[Value]) -> Result<Value> {
    chunks_of("functional.chunk", &items("functional.chunk", &args[1])?, &args[0])
}

fn group_by(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let mut groups = Dict::default();
    for item in items("functional.groupBy", &args[1])? {
        let key = key_of(&vm.call_value(&args[0], vec![item.clone()])?)?;
        match groups.get(&key) {
            Some(Value::Array(group)) => group.push(item),
            _ => groups.insert(key, Value::array(vec![item])),
        }
    }
    Ok(Value::object(groups))
}

fn unique(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let mut seen = Dict::default();
    let mut out = Vec::new();
    for item in items("functional.unique", &args[0])? {
        let key = key_of(&item)?;
        if !seen.contains(&key) {
            seen.insert(key, Value::Null);
            out.push(item);
        }
    }
    Ok(Value::array(out))
}

fn reverse(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let mut out = items("functional.reverse", &args[0])?;
    out.reverse();
    Ok(Value::array(out))
}

fn partition(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (mut yes, mut no) = (Vec::new(), Vec::new());
    for item in items("functional.partition", &args[1])? {
        if holds(vm, &args[0], &item)? {
            yes.push(item);
        } else {
            no.push(item);
        }
    }
    Ok(Value::array(vec![Value::array(yes), Value::array(no)]))
}

/// data: `[pred, f, g]`.
fn call_if_else(vm: &mut Vm, data: &[Value], args: &[Value]) -> Result<Value> {
    check_arity("anonymous", args, 1, 1)?;
    let branch = if holds(vm, &data[0], &args[0])? { &data[1] } else { &data[2] };
    vm.call_value(branch, vec![args[0].clone()])
}

fn if_else(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(made(call_if_else, args.to_vec()))
}

/// data: `[pred1, f1, pred2, f2, ...]`.
fn call_cond(vm: &mut Vm, data: &[Value], args: &[Value]) -> Result<Value> {
    check_arity("anonymous", args, 1, 1)?;
    for pair in data.chunks(2) {
        if holds(vm, &pair[0], &args[0])? {
            return vm.call_value(&pair[1], vec![args[0].clone()]);
        }
    }
    Ok(Value::Null)
}

fn cond(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let Value::Array(pairs) = &args[0] else {
        return Err(kind_error("functional.cond", "an array of [pred, f] pairs", &args[0]));
    };
    let mut data = Vec::new();
    for pair in pairs.to_vec() {
        let parts = match &pair {
            Value::Array(p) if p.len() == 2 => p.to_vec(),
            other => return Err(kind_error("functional.cond", "[pred, f] pairs", other)),
        };
        for f in parts {
            data.push(callable("functional.cond", &f)?);
        }
    }
    Ok(made(call_cond, data))
}

fn times(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let n = count_arg("functional.times", &args[0])?;
    let mut out = Vec::new();
    for i in 0..n {
        out.push(vm.call_value(&args[1], vec![Value::Int(i as i64)])?);
    }
    Ok(Value::array(out))
}

fn zip_with(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let a = items("functional.zipWith", &args[1])?;
    let b = items("functional.zipWith", &args[2])?;
    let mut out = Vec::new();
    for (x, y) in a.into_iter().zip(b) {
        out.push(vm.call_value(&args[0], vec![x, y])?);
    }
    Ok(Value::array(out))
}

fn take_while(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let mut out = Vec::new();
    for item in items("functional.takeWhile", &args[1])? {
        if !holds(vm, &args[0], &item)? {
            break;
        }
        out.push(item);
    }
    Ok(Value::array(out))
}

/// data: the functions.
fn call_juxt(vm: &mut Vm, data: &[Value], args: &[Value]) -> Result<Value> {
    let mut out = Vec::with_capacity(data.len());
    for f in data {
        out.push(vm.call_value(f, args.to_vec())?);
    }
    Ok(Value::array(out))
}

fn juxt(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(made(call_juxt, functions("functional.juxt", &args[0])?))
}
