//! `random` (spec §12.9): the run's one pseudo-random generator (`Vm::rng`, shared with
//! `math.random`) and the distributions and array helpers built on it.

use super::{count_arg, float_arg, Member, Rng};
use crate::error::{value_error, Result};
use crate::natives::{check_arity, int_arg, kind_error, optional};
use crate::value::Value;
use crate::vm::Vm;

pub(super) static MODULE: super::ModuleDecl = super::ModuleDecl::legacy("random", members);

fn members() -> Vec<Member> {
    use Member::Function;
    vec![
        Function("setSeed", "setSeed(n): seeds the generator with the int n; returns n", set_seed),
        Function(
            "set_seed",
            "set_seed(n): seeds the generator with the int n; returns n",
            set_seed,
        ),
        Function("getSeed", "getSeed(): the last seed set, or the initial seed", get_seed),
        Function("get_seed", "get_seed(): the last seed set, or the initial seed", get_seed),
        Function("random", "random(): a float in [0, 1)", random),
        Function("nextInt", "nextInt(): an int in [0, 4294967295]", next_int),
        Function("next_int", "next_int(): an int in [0, 4294967295]", next_int),
        Function(
            "randomInt",
            "randomInt([min=0[, max=100]]): an int in [min, max - 1]",
            random_int,
        ),
        Function(
            "random_int",
            "random_int([min=0[, max=100]]): an int in [min, max - 1]",
            random_int,
        ),
        Function(
            "randomFloat",
            "randomFloat([min=0[, max=1]]): a float between min and max",
            random_float,
        ),
        Function(
            "random_float",
            "random_float([min=0[, max=1]]): a float between min and max",
            random_float,
        ),
        Function("uniform", "uniform(min, max): a float between min and max", uniform),
        Function("randomBool", "randomBool(): random() < 0.5", random_bool),
        Function("random_bool", "random_bool(): random() < 0.5", random_bool),
        Function("randomBoolWeighted", "randomBoolWeighted(p): random() < p", random_bool_weighted),
        Function(
            "randomNormal",
            "randomNormal([mean=0[, sd=1]]): a normally distributed float",
            random_normal,
        ),
        Function(
            "random_normal",
            "random_normal([mean=0[, sd=1]]): a normally distributed float",
            random_normal,
        ),
        Function(
            "gaussian",
            "gaussian([mean=0[, sd=1]]): a normally distributed float",
            random_normal,
        ),
        Function(
            "triangular",
            "triangular(low, high[, mode]): a triangular-distributed float",
            triangular,
        ),
        Function("choice", "choice(lst): a random item, or null for an empty array", choice),
        Function("shuffle", "shuffle(lst): a shuffled copy", shuffle),
        Function("sample", "sample(lst, n): n items at distinct random positions", sample),
        Function(
            "randomIndices",
            "randomIndices(len, n): n distinct random ints in [0, len)",
            random_indices,
        ),
        Function(
            "random_indices",
            "random_indices(len, n): n distinct random ints in [0, len)",
            random_indices,
        ),
    ]
}

/// The optional number argument at `idx`, or `default`.
fn number_or(func: &str, args: &[Value], idx: usize, default: f64) -> Result<f64> {
    optional(args, idx).map_or(Ok(default), |v| float_arg(func, v))
}

fn set_seed(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("random.setSeed", args, 1, 1)?;
    let seed = match &args[0] {
        Value::Int(i) => *i,
        other => return Err(kind_error("random.setSeed", "an int seed", other)),
    };
    vm.rng = Rng::seeded(seed);
    Ok(Value::Int(seed))
}

fn get_seed(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("random.getSeed", args, 0, 0)?;
    Ok(Value::Int(vm.rng.seed()))
}

fn random(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("random.random", args, 0, 0)?;
    Ok(Value::Float(vm.rng.next_f64()))
}

fn next_int(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("random.nextInt", args, 0, 0)?;
    Ok(Value::Int((vm.rng.next_u64() >> 32) as i64))
}

fn random_int(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("random.randomInt", args, 0, 2)?;
    let min = optional(args, 0).map_or(Ok(0), |v| int_arg("random.randomInt", "an int min", v))?;
    let max =
        optional(args, 1).map_or(Ok(100), |v| int_arg("random.randomInt", "an int max", v))?;
    if max <= min {
        return Err(value_error(format!("`random.randomInt`: max {max} is not above min {min}")));
    }
    let span = (max as i128 - min as i128) as u64;
    Ok(Value::Int((min as i128 + vm.rng.below(span) as i128) as i64))
}

fn between(vm: &mut Vm, min: f64, max: f64) -> Value {
    Value::Float(min + (max - min) * vm.rng.next_f64())
}

fn random_float(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("random.randomFloat", args, 0, 2)?;
    let min = number_or("random.randomFloat", args, 0, 0.0)?;
    let max = number_or("random.randomFloat", args, 1, 1.0)?;
    Ok(between(vm, min, max))
}

fn uniform(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("random.uniform", args, 2, 2)?;
    let min = float_arg("random.uniform", &args[0])?;
    let max = float_arg("random.uniform", &args[1])?;
    Ok(between(vm, min, max))
}

fn random_bool(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("random.randomBool", args, 0, 0)?;
    Ok(Value::Bool(vm.rng.next_f64() < 0.5))
}

fn random_bool_weighted(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("random.randomBoolWeighted", args, 1, 1)?;
    let p = float_arg("random.randomBoolWeighted", &args[0])?;
    Ok(Value::Bool(vm.rng.next_f64() < p))
}

fn random_normal(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("random.randomNormal", args, 0, 2)?;
    let mean = number_or("random.randomNormal", args, 0, 0.0)?;
    let sd = number_or("random.randomNormal", args, 1, 1.0)?;
    // Box–Muller; `1 - u` keeps the logarithm's argument in (0, 1].
    let u = 1.0 - vm.rng.next_f64();
    let v = vm.rng.next_f64();
    let z = (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos();
    Ok(Value::Float(mean + sd * z))
}

fn triangular(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("random.triangular", args, 2, 3)?;
    let low = float_arg("random.triangular", &args[0])?;
    let high = float_arg("random.triangular", &args[1])?;
    let mode = number_or("random.triangular", args, 2, (low + high) / 2.0)?;
    if high == low {
        return Ok(Value::Float(low));
    }
    let u = vm.rng.next_f64();
    let c = (mode - low) / (high - low);
    let x = if u < c {
        low + (u * (high - low) * (mode - low)).sqrt()
    } else {
        high - ((1.0 - u) * (high - low) * (high - mode)).sqrt()
    };
    Ok(Value::Float(x))
}

/// The items of the array argument `args[0]`.
fn items(func: &str, args: &[Value]) -> Result<Vec<Value>> {
    match &args[0] {
        Value::Array(a) => Ok(a.to_vec()),
        other => Err(kind_error(func, "an array", other)),
    }
}

/// Shuffles the first `n` positions of `items` (a partial Fisher–Yates shuffle): they
/// end up holding `n` items from distinct random positions.
fn shuffle_prefix<T>(rng: &mut Rng, items: &mut [T], n: usize) {
    let len = items.len();
    for i in 0..n.min(len.saturating_sub(1)) {
        let j = i + rng.below((len - i) as u64) as usize;
        items.swap(i, j);
    }
}

fn choice(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("random.choice", args, 1, 1)?;
    let items = items("random.choice", args)?;
    if items.is_empty() {
        return Ok(Value::Null);
    }
    Ok(items[vm.rng.below(items.len() as u64) as usize].clone())
}

fn shuffle(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("random.shuffle", args, 1, 1)?;
    let mut items = items("random.shuffle", args)?;
    let n = items.len();
    shuffle_prefix(&mut vm.rng, &mut items, n);
    Ok(Value::array(items))
}

fn sample(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("random.sample", args, 2, 2)?;
    let mut items = items("random.sample", args)?;
    let n = count_arg("random.sample", &args[1])?;
    let len = items.len();
    shuffle_prefix(&mut vm.rng, &mut items, n.min(len));
    items.truncate(n.min(len));
    Ok(Value::array(items))
}

fn random_indices(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("random.randomIndices", args, 2, 2)?;
    let len = count_arg("random.randomIndices", &args[0])?;
    let n = count_arg("random.randomIndices", &args[1])?;
    // Both results below take memory in proportion to `len`.
    crate::methods::check_result_size((len as u64).saturating_mul(16), "random.randomIndices")?;
    if n >= len {
        return Ok(Value::array((0..len as i64).map(Value::Int).collect()));
    }
    let mut indices: Vec<i64> = (0..len as i64).collect();
    shuffle_prefix(&mut vm.rng, &mut indices, n);
    Ok(Value::array(indices[..n].iter().map(|&i| Value::Int(i)).collect()))
}
