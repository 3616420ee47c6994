//! `math` (spec §12.3): float functions of numbers, and the exact int ones (`abs`,
//! `pow` of ints, `floor`, `ceil`, `round`, `sign`, `factorial`, `gcd`, `lcm`).
//!
//! Numbers are ints and floats, never booleans (`TypeError`). An int argument of a float
//! function is converted to the nearest float (`OverflowError` when it is too large).

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use super::{float_arg, ModuleDecl};
use crate::error::{overflow_error, value_error, Result, RuntimeError};
use crate::natives::{kind_error, opt, req, Kinds, NativeDecl};
use crate::support::numeric::{self, IntOrBig};
use crate::value::Value;
use crate::vm::Vm;

pub(super) static MODULE: ModuleDecl =
    ModuleDecl::new("math", "float functions of numbers, and exact int ones", FUNCTIONS, constants);

fn constants() -> Vec<(&'static str, Value)> {
    vec![("pi", Value::Float(std::f64::consts::PI)), ("e", Value::Float(std::f64::consts::E))]
}

const NUM: Kinds = Kinds::NUMBER;

#[rustfmt::skip]
static FUNCTIONS: &[NativeDecl] = &[
    NativeDecl::function("sqrt", &[req("x", NUM)], "the square root of x (x < 0: ValueError)", sqrt),
    NativeDecl::function("abs", &[req("x", NUM)], "the absolute value (an int stays an int)", abs),
    NativeDecl::function("sin", &[req("x", NUM)], "the sine of x radians", sin),
    NativeDecl::function("cos", &[req("x", NUM)], "the cosine of x radians", cos),
    NativeDecl::function("tan", &[req("x", NUM)], "the tangent of x radians", tan),
    NativeDecl::function("asin", &[req("x", NUM)], "the arc sine, for x in [-1, 1]", asin),
    NativeDecl::function("acos", &[req("x", NUM)], "the arc cosine, for x in [-1, 1]", acos),
    NativeDecl::function("atan", &[req("x", NUM)], "the arc tangent", atan),
    NativeDecl::function("atan2", &[req("y", NUM), req("x", NUM)], "the angle of the point (x, y), in [-pi, pi]", atan2),
    NativeDecl::function("ln", &[req("x", NUM)], "the natural logarithm (x <= 0: ValueError)", ln),
    NativeDecl::function("log", &[req("x", NUM), opt("base", NUM, "10")], "the logarithm of x in base (x <= 0, base <= 0 or base == 1: ValueError)", log),
    NativeDecl::function("exp", &[req("x", NUM)], "e to the power x (overflow gives inf)", exp),
    NativeDecl::function("pow", &[req("x", NUM), req("y", NUM)], "x to the power y (exact for ints with y >= 0)", pow),
    NativeDecl::function("floor", &[req("x", NUM)], "the largest int <= x", floor),
    NativeDecl::function("ceil", &[req("x", NUM)], "the smallest int >= x", ceil),
    NativeDecl::function("round", &[req("x", NUM)], "the nearest int, ties to even", round),
    NativeDecl::function("min", &[req("a", NUM), req("b", NUM)], "the smaller of two numbers (a if they are equal)", min),
    NativeDecl::function("max", &[req("a", NUM), req("b", NUM)], "the larger of two numbers (a if they are equal)", max),
    NativeDecl::function("random", &[], "a pseudo-random float in [0, 1)", random),
    NativeDecl::function("degToRad", &[req("d", NUM)], "degrees to radians", deg_to_rad),
    NativeDecl::function("radians", &[req("d", NUM)], "degrees to radians", deg_to_rad),
    NativeDecl::function("radToDeg", &[req("r", NUM)], "radians to degrees", rad_to_deg),
    NativeDecl::function("degrees", &[req("r", NUM)], "radians to degrees", rad_to_deg),
    NativeDecl::function("sign", &[req("x", NUM)], "the int 1, -1 or 0 (NaN: ValueError)", sign),
    NativeDecl::function("factorial", &[req("n", Kinds::INT)], "the exact int n! (n < 0: ValueError)", factorial),
    NativeDecl::function("gcd", &[req("a", Kinds::INT), req("b", Kinds::INT)], "the greatest common divisor of two ints (never negative)", gcd),
    NativeDecl::function("lcm", &[req("a", Kinds::INT), req("b", Kinds::INT)], "the least common multiple of two ints (never negative)", lcm),
];

/// Results larger than this many bits end the run (as for `s * n`).
const MAX_RESULT_BITS: u64 = 1 << 35;

/// The one number argument of a float function.
fn one_float(func: &str, args: &[Value]) -> Result<f64> {
    float_arg(func, &args[0])
}

fn domain_error(func: &str, x: f64) -> RuntimeError {
    value_error(format!(
        "`{func}` is not defined for {}",
        crate::display::display(&Value::Float(x))
    ))
}

fn sqrt(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let x = one_float("math.sqrt", args)?;
    if x < 0.0 {
        return Err(domain_error("math.sqrt", x));
    }
    Ok(Value::Float(x.sqrt()))
}

fn abs(_: &mut Vm, args: &[Value]) -> Result<Value> {
    crate::builtins::numbers::absolute("math.abs", &args[0])
}

fn sin(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Float(one_float("math.sin", args)?.sin()))
}

fn cos(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Float(one_float("math.cos", args)?.cos()))
}

fn tan(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Float(one_float("math.tan", args)?.tan()))
}

fn asin(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let x = one_float("math.asin", args)?;
    if !(-1.0..=1.0).contains(&x) {
        return Err(domain_error("math.asin", x));
    }
    Ok(Value::Float(x.asin()))
}

fn acos(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let x = one_float("math.acos", args)?;
    if !(-1.0..=1.0).contains(&x) {
        return Err(domain_error("math.acos", x));
    }
    Ok(Value::Float(x.acos()))
}

fn atan(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Float(one_float("math.atan", args)?.atan()))
}

fn atan2(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let y = float_arg("math.atan2", &args[0])?;
    let x = float_arg("math.atan2", &args[1])?;
    Ok(Value::Float(y.atan2(x)))
}

fn ln(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let x = one_float("math.ln", args)?;
    if x <= 0.0 {
        return Err(domain_error("math.ln", x));
    }
    Ok(Value::Float(x.ln()))
}

fn log(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let x = float_arg("math.log", &args[0])?;
    let base = match args.get(1) {
        None => 10.0,
        Some(b) => float_arg("math.log", b)?,
    };
    if x <= 0.0 {
        return Err(domain_error("math.log", x));
    }
    if base <= 0.0 || base == 1.0 {
        return Err(value_error(format!(
            "`math.log`: the base must be positive and not 1, got {}",
            crate::display::display(&Value::Float(base))
        )));
    }
    // The dedicated functions are exact where users check: `log(1000)` is 3.0.
    let result = if base == 10.0 {
        x.log10()
    } else if base == 2.0 {
        x.log2()
    } else {
        x.ln() / base.ln()
    };
    Ok(Value::Float(result))
}

fn exp(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Float(one_float("math.exp", args)?.exp()))
}

fn pow(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let exact_base = match &args[0] {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    };
    let exact_exponent = match &args[1] {
        Value::Int(i) if *i >= 0 => Some(BigInt::from(*i)),
        Value::BigInt(b) if b.is_positive() => Some((**b).clone()),
        _ => None,
    };
    if let (Some(base), Some(exponent)) = (exact_base, exact_exponent) {
        return int_pow(base, &exponent);
    }
    let x = float_arg("math.pow", &args[0])?;
    let y = float_arg("math.pow", &args[1])?;
    if x == 0.0 && y < 0.0 {
        return Err(value_error("`math.pow`: zero cannot be raised to a negative power"));
    }
    if x < 0.0 && y.is_finite() && y.fract() != 0.0 {
        return Err(value_error(
            "`math.pow`: a negative number cannot be raised to a non-integral power",
        ));
    }
    Ok(Value::Float(x.powf(y)))
}

/// The exact power `base ** exponent` of ints, `exponent >= 0`.
fn int_pow(base: BigInt, exponent: &BigInt) -> Result<Value> {
    // 0, 1 and -1 stay small whatever the exponent.
    if base.is_zero() || base.magnitude() == &num_bigint::BigUint::from(1u32) {
        let odd = exponent.is_odd();
        return Ok(match (base.sign(), exponent.is_zero()) {
            (_, true) => Value::Int(1),
            (num_bigint::Sign::Minus, _) if !odd => Value::Int(1),
            _ => Value::bigint(base),
        });
    }
    let bits = base.bits();
    let exponent = exponent.to_u64().filter(|&e| bits.saturating_mul(e) <= MAX_RESULT_BITS);
    let Some(exponent) = exponent else {
        return Err(too_large("math.pow"));
    };
    // The result's size is reserved first; a long power stops at the deadline.
    let result_bits = bits.saturating_mul(exponent);
    crate::heap::reserve_for(result_bits / 8, "`math.pow`")?;
    let limbs = result_bits / 64 + 1;
    crate::heap::bounded(limbs.saturating_mul(limbs), move || {
        num_traits::pow(base, exponent as usize)
    })
    .map(Value::bigint)
}

fn too_large(func: &str) -> RuntimeError {
    RuntimeError::new(
        crate::error::ErrorKind::LimitExceeded,
        format!("`{func}`: result too large (over 4 GiB)"),
    )
}

/// `floor`, `ceil` and `round`: ints unchanged, floats through `f` to an exact int.
fn to_int(func: &str, args: &[Value], f: fn(f64) -> f64) -> Result<Value> {
    match &args[0] {
        v @ (Value::Int(_) | Value::BigInt(_)) => Ok(v.clone()),
        Value::Float(x) if x.is_nan() => Err(value_error(format!("`{func}` of NaN"))),
        Value::Float(x) => match numeric::float_to_int(f(*x)) {
            Some(IntOrBig::Small(i)) => Ok(Value::Int(i)),
            Some(IntOrBig::Big(b)) => Ok(Value::bigint(b)),
            None => Err(overflow_error(format!("`{func}` of an infinite float"))),
        },
        other => Err(kind_error(func, "a number", other)),
    }
}

fn floor(_: &mut Vm, args: &[Value]) -> Result<Value> {
    to_int("math.floor", args, f64::floor)
}

fn ceil(_: &mut Vm, args: &[Value]) -> Result<Value> {
    to_int("math.ceil", args, f64::ceil)
}

fn round(_: &mut Vm, args: &[Value]) -> Result<Value> {
    to_int("math.round", args, f64::round_ties_even)
}

/// The order of two numbers, exactly (ints against floats by value).
fn number_order(a: &Value, b: &Value) -> Result<Option<Ordering>> {
    Ok(if crate::ops::less_than(a, b)? {
        Some(Ordering::Less)
    } else if crate::ops::less_than(b, a)? {
        Some(Ordering::Greater)
    } else {
        None
    })
}

fn min(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(match number_order(&args[0], &args[1])? {
        Some(Ordering::Greater) => args[1].clone(),
        _ => args[0].clone(),
    })
}

fn max(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(match number_order(&args[0], &args[1])? {
        Some(Ordering::Less) => args[1].clone(),
        _ => args[0].clone(),
    })
}

fn random(vm: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(Value::Float(vm.rng.next_f64()))
}

fn deg_to_rad(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Float(one_float("math.degToRad", args)?.to_radians()))
}

fn rad_to_deg(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Float(one_float("math.radToDeg", args)?.to_degrees()))
}

fn sign(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let s = match &args[0] {
        Value::Int(i) => i.signum(),
        Value::BigInt(b) => {
            if b.is_negative() {
                -1
            } else {
                1
            }
        }
        Value::Float(x) if x.is_nan() => return Err(value_error("`math.sign` of NaN")),
        Value::Float(x) => match x.partial_cmp(&0.0) {
            Some(Ordering::Greater) => 1,
            Some(Ordering::Less) => -1,
            _ => 0,
        },
        other => return Err(kind_error("math.sign", "a number", other)),
    };
    Ok(Value::Int(s))
}

fn factorial(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let n = match &args[0] {
        Value::Int(n) => *n,
        Value::BigInt(b) if b.is_negative() => i64::MIN,
        Value::BigInt(_) => return Err(too_large("math.factorial")),
        other => return Err(kind_error("math.factorial", "an int", other)),
    };
    if n < 0 {
        return Err(value_error("`math.factorial` is not defined for negative ints"));
    }
    // log2(n!) < n * log2(n): refuse results past the size limit before computing them.
    let bits_bound = (n as u64).saturating_mul(64 - (n as u64).leading_zeros() as u64);
    if bits_bound > MAX_RESULT_BITS {
        return Err(too_large("math.factorial"));
    }
    // log2(n!) ≈ n * (log2(n) - 1.44): reserve about that before computing it.
    let log2 = 64 - (n as u64).leading_zeros() as u64;
    crate::heap::reserve_for(
        (n as u64).saturating_mul(log2.saturating_sub(2)) / 8,
        "`math.factorial`",
    )?;
    let limbs = bits_bound / 64 + 1;
    crate::heap::bounded(limbs.saturating_mul(limbs), move || product(1, n as u64))
        .map(Value::bigint)
}

/// `lo * (lo + 1) * ... * hi` (1 when `lo > hi`), by binary splitting: the halves are
/// multiplied as numbers of similar size, which the big-int multiplication does far
/// faster than a running product (`factorial(100000)` takes milliseconds, not seconds).
fn product(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::from(1u32);
    }
    if hi - lo < 16 {
        let mut acc = BigInt::from(1u32);
        let mut small: u64 = 1;
        for k in lo..=hi {
            match small.checked_mul(k) {
                Some(p) => small = p,
                None => {
                    acc *= small;
                    small = k;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    product(lo, mid) * product(mid + 1, hi)
}

/// The int argument at `idx` of `gcd`/`lcm`, exactly.
fn int_exact(func: &str, v: &Value) -> Result<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::BigInt(b) => Ok((**b).clone()),
        other => Err(kind_error(func, "an int", other)),
    }
}

fn gcd(_: &mut Vm, args: &[Value]) -> Result<Value> {
    if let (Value::Int(a), Value::Int(b)) = (&args[0], &args[1]) {
        let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
        while b != 0 {
            (a, b) = (b, a % b);
        }
        return Ok(match i64::try_from(a) {
            Ok(g) => Value::Int(g),
            Err(_) => Value::bigint(BigInt::from(a)),
        });
    }
    let a = int_exact("math.gcd", &args[0])?;
    let b = int_exact("math.gcd", &args[1])?;
    // Quadratic in the size of the ints, and not interruptible: stops at the deadline
    // (`heap::bounded`), like a product of huge ints.
    crate::heap::bounded(quadratic_cost(&a, &b), move || a.gcd(&b)).map(Value::bigint)
}

fn lcm(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let a = int_exact("math.lcm", &args[0])?;
    let b = int_exact("math.lcm", &args[1])?;
    crate::heap::reserve_for((a.bits() + b.bits()) / 8, "`math.lcm`")?;
    crate::heap::bounded(quadratic_cost(&a, &b), move || a.lcm(&b)).map(Value::bigint)
}

/// The cost of a quadratic operation on two ints, in limb operations (`heap::bounded`).
fn quadratic_cost(a: &BigInt, b: &BigInt) -> u64 {
    let limbs = a.bits().max(b.bits()) / 64 + 1;
    limbs.saturating_mul(limbs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_by_splitting_match_a_running_product() {
        for (lo, hi) in [(1, 0), (1, 1), (1, 20), (1, 21), (3, 40), (1, 300)] {
            let running = (lo..=hi).fold(BigInt::from(1u32), |acc, k| acc * k);
            assert_eq!(product(lo, hi), running, "{lo}..={hi}");
        }
    }
}
