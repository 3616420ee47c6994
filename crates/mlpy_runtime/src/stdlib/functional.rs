//! `functional` (spec §12.5): combinators that make functions (native functions that
//! carry their parts as data, shown as `<function anonymous>`), and function-first
//! versions of the array helpers, which accept any iterable.

use super::{chunks_of, count_arg, flatten_items, holds, Member};
use crate::dict::Dict;
use crate::error::{type_error, value_error, Result};
use crate::methods::collect_items;
use crate::natives::{check_arity, int_arg, kind_error, NativeDataFn, NativeFunction, NativeImpl};
use crate::value::{Object, Value};
use crate::vm::{key_of, Vm};

pub(super) fn members() -> Vec<Member> {
    use Member::Function;
    vec![
        Function("compose", "compose(f, g, ...): the function x -> f(g(...(x)))", compose),
        Function(
            "composeAll",
            "composeAll(fs): compose of the functions in the array fs",
            compose_all,
        ),
        Function("pipe", "pipe(f, g, ...): the function x -> ...(g(f(x)))", pipe),
        Function("pipeAll", "pipeAll(fs): pipe of the functions in the array fs", pipe_all),
        Function("curry", "curry(f[, arity]): f taking its arguments over successive calls", curry),
        Function("curry2", "curry2(f): the function a -> (b -> f(a, b))", curry2),
        Function("partial", "partial(f, a1, ...): f with its first arguments given", partial),
        Function(
            "partial_apply",
            "partial_apply(f, a1, ...): f with its first arguments given",
            partial,
        ),
        Function("identity", "identity(x): x", identity),
        Function("constant", "constant(v): a function of no arguments returning v", constant),
        Function("memoize", "memoize(f): f with its results cached per argument list", memoize),
        Function("map", "map(f, items): [f(item), ...]", map),
        Function("filter", "filter(pred, items): the items with a truthy pred(item)", filter),
        Function("reduce", "reduce(f, items[, initial]): the left fold f(acc, item)", reduce),
        Function(
            "forEach",
            "forEach(f, items): calls f(item) for each item; returns null",
            for_each,
        ),
        Function(
            "for_each",
            "for_each(f, items): calls f(item) for each item; returns null",
            for_each,
        ),
        Function(
            "find",
            "find(pred, items): the first item with a truthy pred(item), or null",
            find,
        ),
        Function("some", "some(pred, items): whether pred(item) is truthy for some item", some),
        Function("every", "every(pred, items): whether pred(item) is truthy for every item", every),
        Function("zip", "zip(a, b, ...): as the builtin zip", zip),
        Function("range", "range(start[, end[, step=1]]): as the builtin range", range),
        Function("repeat", "repeat(v, n): an array of n times v", repeat),
        Function("take", "take(n, items): the first n items", take),
        Function("drop", "drop(n, items): all but the first n items", drop),
        Function(
            "flatten",
            "flatten(lst): array items replaced by their items (one level)",
            flatten,
        ),
        Function("chunk", "chunk(size, items): consecutive slices of size items", chunk),
        Function(
            "groupBy",
            "groupBy(keyFn, items): an object of the items by keyFn(item)",
            group_by,
        ),
        Function(
            "group_by",
            "group_by(keyFn, items): an object of the items by keyFn(item)",
            group_by,
        ),
        Function("unique", "unique(items): the first occurrence of each item", unique),
        Function("reverse", "reverse(items): a reversed array", reverse),
        Function("partition", "partition(pred, items): [truthy items, falsy items]", partition),
        Function("ifElse", "ifElse(pred, f, g): the function x -> pred(x) ? f(x) : g(x)", if_else),
        Function(
            "cond",
            "cond(pairs): the function x -> f(x) for the first [pred, f] with pred(x)",
            cond,
        ),
        Function("times", "times(n, f): [f(0), f(1), ..., f(n - 1)]", times),
        Function("zipWith", "zipWith(f, a, b): [f(a0, b0), f(a1, b1), ...]", zip_with),
        Function(
            "takeWhile",
            "takeWhile(pred, items): the leading items with a truthy pred",
            take_while,
        ),
        Function("juxt", "juxt(fs): the function x -> [f(x) for each f in fs]", juxt),
    ]
}

/// A function made by this module: `f` called with `data` and its own arguments.
fn made(f: NativeDataFn, data: Vec<Value>) -> Value {
    Value::Native(NativeFunction::in_module(
        "functional",
        "anonymous",
        "anonymous: a function made by the functional module",
        NativeImpl::WithData(f, crate::value::NativeData::new(data)),
    ))
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
    let fns = args.iter().map(|f| callable("functional.compose", f)).collect::<Result<_>>()?;
    Ok(made(call_composed, fns))
}

fn compose_all(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("functional.composeAll", args, 1, 1)?;
    Ok(made(call_composed, functions("functional.composeAll", &args[0])?))
}

fn pipe(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let fns = args.iter().map(|f| callable("functional.pipe", f)).collect::<Result<_>>()?;
    Ok(made(chain, fns))
}

fn pipe_all(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("functional.pipeAll", args, 1, 1)?;
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
    check_arity("functional.curry", args, 1, 2)?;
    let f = callable("functional.curry", &args[0])?;
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
    check_arity("functional.curry2", args, 1, 1)?;
    let f = callable("functional.curry2", &args[0])?;
    Ok(made(call_curried, vec![f, Value::Int(2)]))
}

/// data: `[f, a1, ...]`.
fn call_partial(vm: &mut Vm, data: &[Value], args: &[Value]) -> Result<Value> {
    let mut all = data[1..].to_vec();
    all.extend(args.iter().cloned());
    vm.call_value(&data[0], all)
}

fn partial(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("functional.partial", args, 1, usize::MAX)?;
    let mut data = vec![callable("functional.partial", &args[0])?];
    data.extend(args[1..].iter().cloned());
    Ok(made(call_partial, data))
}

fn identity(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("functional.identity", args, 1, 1)?;
    Ok(args[0].clone())
}

fn call_constant(_: &mut Vm, data: &[Value], args: &[Value]) -> Result<Value> {
    check_arity("anonymous", args, 0, 0)?;
    Ok(data[0].clone())
}

fn constant(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("functional.constant", args, 1, 1)?;
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
    check_arity("functional.memoize", args, 1, 1)?;
    let f = callable("functional.memoize", &args[0])?;
    Ok(made(call_memoized, vec![f, Value::object(Dict::default())]))
}

// ----- over items --------------------------------------------------------------------------

fn items(func: &str, v: &Value) -> Result<Vec<Value>> {
    collect_items(v, func)
}

fn map(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("functional.map", args, 2, 2)?;
    let mut out = Vec::new();
    for item in items("functional.map", &args[1])? {
        out.push(vm.call_value(&args[0], vec![item])?);
    }
    Ok(Value::array(out))
}

fn filter(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("functional.filter", args, 2, 2)?;
    let mut out = Vec::new();
    for item in items("functional.filter", &args[1])? {
        if holds(vm, &args[0], &item)? {
            out.push(item);
        }
    }
    Ok(Value::array(out))
}

fn reduce(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("functional.reduce", args, 2, 3)?;
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
    check_arity("functional.forEach", args, 2, 2)?;
    for item in items("functional.forEach", &args[1])? {
        vm.call_value(&args[0], vec![item])?;
    }
    Ok(Value::Null)
}

fn find(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("functional.find", args, 2, 2)?;
    for item in items("functional.find", &args[1])? {
        if holds(vm, &args[0], &item)? {
            return Ok(item);
        }
    }
    Ok(Value::Null)
}

fn some(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("functional.some", args, 2, 2)?;
    for item in items("functional.some", &args[1])? {
        if holds(vm, &args[0], &item)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn every(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("functional.every", args, 2, 2)?;
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
    check_arity("functional.repeat", args, 2, 2)?;
    let n = count_arg("functional.repeat", &args[1])?;
    crate::methods::check_result_size((n as u64).saturating_mul(16), "functional.repeat")?;
    Ok(Value::array(vec![args[0].clone(); n]))
}

fn take(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("functional.take", args, 2, 2)?;
    let n = count_arg("functional.take", &args[0])?;
    Ok(Value::array(items("functional.take", &args[1])?.into_iter().take(n).collect()))
}

fn drop(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("functional.drop", args, 2, 2)?;
    let n = count_arg("functional.drop", &args[0])?;
    Ok(Value::array(items("functional.drop", &args[1])?.into_iter().skip(n).collect()))
}

fn flatten(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("functional.flatten", args, 1, 1)?;
    let Value::Array(a) = &args[0] else {
        return Err(kind_error("functional.flatten", "an array", &args[0]));
    };
    Ok(Value::array(flatten_items(a.to_vec())))
}

fn chunk(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("functional.chunk", args, 2, 2)?;
    chunks_of("functional.chunk", &items("functional.chunk", &args[1])?, &args[0])
}

fn group_by(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("functional.groupBy", args, 2, 2)?;
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
    check_arity("functional.unique", args, 1, 1)?;
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
    check_arity("functional.reverse", args, 1, 1)?;
    let mut out = items("functional.reverse", &args[0])?;
    out.reverse();
    Ok(Value::array(out))
}

fn partition(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("functional.partition", args, 2, 2)?;
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
    check_arity("functional.ifElse", args, 3, 3)?;
    let data = args.iter().map(|f| callable("functional.ifElse", f)).collect::<Result<_>>()?;
    Ok(made(call_if_else, data))
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
    check_arity("functional.cond", args, 1, 1)?;
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
    check_arity("functional.times", args, 2, 2)?;
    let n = count_arg("functional.times", &args[0])?;
    let mut out = Vec::new();
    for i in 0..n {
        out.push(vm.call_value(&args[1], vec![Value::Int(i as i64)])?);
    }
    Ok(Value::array(out))
}

fn zip_with(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("functional.zipWith", args, 3, 3)?;
    let a = items("functional.zipWith", &args[1])?;
    let b = items("functional.zipWith", &args[2])?;
    let mut out = Vec::new();
    for (x, y) in a.into_iter().zip(b) {
        out.push(vm.call_value(&args[0], vec![x, y])?);
    }
    Ok(Value::array(out))
}

fn take_while(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("functional.takeWhile", args, 2, 2)?;
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
    check_arity("functional.juxt", args, 1, 1)?;
    Ok(made(call_juxt, functions("functional.juxt", &args[0])?))
}
