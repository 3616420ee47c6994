//! `random` (spec §12.9): the run's one pseudo-random generator (`Vm::rng`, shared with
//! `math.random`) and the distributions and array helpers built on it.

use super::{count_arg, float_arg, no_constants, ModuleDecl, Rng};
use crate::error::{value_error, Result};
use crate::natives::{int_arg, kind_error, opt, req, Kinds, NativeDecl};
use crate::value::Value;
use crate::vm::Vm;

pub(super) static MODULE: ModuleDecl = ModuleDecl::new(
    "random",
    "the run's pseudo-random generator (shared with math.random), distributions and array helpers",
    FUNCTIONS,
    no_constants,
);

const NUM: Kinds = Kinds::NUMBER;
const INT: Kinds = Kinds::INT;
const ARR: Kinds = Kinds::ARRAY;

#[rustfmt::skip]
static FUNCTIONS: &[NativeDecl] = &[
    NativeDecl::function("setSeed", &[req("n", INT)], "seeds the generator with the int n; returns n", set_seed),
    NativeDecl::function("set_seed", &[req("n", INT)], "seeds the generator with the int n; returns n", set_seed),
    NativeDecl::function("getSeed", &[], "the last seed set, or the initial seed", get_seed),
    NativeDecl::function("get_seed", &[], "the last seed set, or the initial seed", get_seed),
    NativeDecl::function("random", &[], "a float in [0, 1)", random),
    NativeDecl::function("nextInt", &[], "an int in [0, 4294967295]", next_int),
    NativeDecl::function("next_int", &[], "an int in [0, 4294967295]", next_int),
    NativeDecl::function("randomInt", &[opt("min", INT, "0"), opt("max", INT, "100")], "an int in [min, max - 1] (max <= min: ValueError)", random_int),
    NativeDecl::function("random_int", &[opt("min", INT, "0"), opt("max", INT, "100")], "an int in [min, max - 1] (max <= min: ValueError)", random_int),
    NativeDecl::function("randomFloat", &[opt("min", NUM, "0"), opt("max", NUM, "1")], "a float between min and max", random_float),
    NativeDecl::function("random_float", &[opt("min", NUM, "0"), opt("max", NUM, "1")], "a float between min and max", random_float),
    NativeDecl::function("uniform", &[req("min", NUM), req("max", NUM)], "a float between min and max", uniform),
    NativeDecl::function("randomBool", &[], "random() < 0.5", random_bool),
    NativeDecl::function("random_bool", &[], "random() < 0.5", random_bool),
    NativeDecl::function("randomBoolWeighted", &[req("p", NUM)], "random() < p", random_bool_weighted),
    NativeDecl::function("randomNormal", &[opt("mean", NUM, "0"), opt("sd", NUM, "1")], "a normally distributed float", random_normal),
    NativeDecl::function("random_normal", &[opt("mean", NUM, "0"), opt("sd", NUM, "1")], "a normally distributed float", random_normal),
    NativeDecl::function("gaussian", &[opt("mean", NUM, "0"), opt("sd", NUM, "1")], "a normally distributed float", random_normal),
    NativeDecl::function("triangular", &[req("low", NUM), req("high", NUM), opt("mode", NUM, "")], "a triangular-distributed float, mode defaulting to the midpoint", triangular),
    NativeDecl::function("choice", &[req("lst", ARR)], "a random item, or null for an empty array", choice),
    NativeDecl::function("shuffle", &[req("lst", ARR)], "a shuffled copy", shuffle),
    NativeDecl::function("sample", &[req("lst", ARR), req("n", INT)], "n items at distinct random positions (n < 0: ValueError)", sample),
    NativeDecl::function("randomIndices", &[req("len", INT), req("n", INT)], "n distinct random ints in [0, len)", random_indices),
    NativeDecl::function("random_indices", &[req("len", INT), req("n", INT)], "n distinct random ints in [0, len)", random_indices),
];

/// The optional number argument at `idx`, or `default`.
fn number_or(func: &str, args: &[Value], idx: usize, default: f64) -> Result<f64> {
    args.get(idx).map_or(Ok(default), |v| float_arg(func, v))
}

fn set_seed(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let seed = match &args[0] {
        Value::Int(i) => *i,
        other => {
            return Err(value_error(format!(
                "`random.setSeed`: seed {} is outside the 64-bit range",
                crate::display::display(other)
            )))
        }
    };
    vm.rng = Rng::seeded(seed);
    Ok(Value::Int(seed))
}

fn get_seed(vm: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(vm.rng.seed()))
}

fn random(vm: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(Value::Float(vm.rng.next_f64()))
}

fn next_int(vm: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(Value::Int((vm.rng.next_u64() >> 32) as i64))
}

fn random_int(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let min = args.first().map_or(Ok(0), |v| int_arg("random.randomInt", "an int min", v))?;
    let max = args.get(1).map_or(Ok(100), |v| int_arg("random.randomInt", "an int max", v))?;
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
    let min = number_or("random.randomFloat", args, 0, 0.0)?;
    let max = number_or("random.randomFloat", args, 1, 1.0)?;
    Ok(between(vm, min, max))
}

fn uniform(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let min = float_arg("random.uniform", &args[0])?;
    let max = float_arg("random.uniform", &args[1])?;
    Ok(between(vm, min, max))
}

fn random_bool(vm: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(Value::Bool(vm.rng.next_f64() < 0.5))
}

fn random_bool_weighted(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let p = float_arg("random.randomBoolWeighted", &args[0])?;
    Ok(Value::Bool(vm.rng.next_f64() < p))
}

fn random_normal(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let mean = number_or("random.randomNormal", args, 0, 0.0)?;
    let sd = number_or("random.randomNormal", args, 1, 1.0)?;
    // Box–Muller; `1 - u` keeps the logarithm's argument in (0, 1].
    let u = 1.0 - vm.rng.next_f64();
    let v = vm.rng.next_f64();
    let z = (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos();
    Ok(Value::Float(mean + sd * z))
}

fn triangular(vm: &mut Vm, args: &[Value]) -> Result<Value> {
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
        // The copy is reserved before it is made.
        v @ Value::Array(_) => crate::methods::collect_items(v, func),
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
    let items = items("random.choice", args)?;
    if items.is_empty() {
        return Ok(Value::Null);
    }
    Ok(items[vm.rng.below(items.len() as u64) as usize].clone())
}

fn shuffle(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let mut items = items("random.shuffle", args)?;
    let n = items.len();
    shuffle_prefix(&mut vm.rng, &mut items, n);
    Ok(Value::array(items))
}

fn sample(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let mut items = items("random.sample", args)?;
    let n = count_arg("random.sample", &args[1])?;
    let len = items.len();
    shuffle_prefix(&mut vm.rng, &mut items, n.min(len));
    items.truncate(n.min(len));
    Ok(Value::array(items))
}

fn random_indices(vm: &mut Vm, args: &[Value]) -> Result<Value> {
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
