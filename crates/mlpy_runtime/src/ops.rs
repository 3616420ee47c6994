//! Operators on values (spec §5.4–§5.6): the slow paths behind the VM's int fast paths.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::display::int_text;
use crate::error::{overflow_error, type_error, zero_division, ErrorKind, Result, RuntimeError};
use crate::support::numeric;
use crate::value::{Array, Items, Value};

/// A numeric operand.
enum Num<'a> {
    Int(i64),
    Big(&'a BigInt),
    Float(f64),
}

fn num(v: &Value) -> Option<Num<'_>> {
    match v {
        Value::Int(i) => Some(Num::Int(*i)),
        Value::BigInt(b) => Some(Num::Big(b)),
        Value::Float(f) => Some(Num::Float(*f)),
        _ => None,
    }
}

fn big(n: &Num<'_>) -> BigInt {
    match n {
        Num::Int(i) => BigInt::from(*i),
        Num::Big(b) => (*b).clone(),
        Num::Float(_) => BigInt::zero(),
    }
}

/// Converts an int to the nearest float (`OverflowError` if it is too large).
pub fn int_to_float(v: &Value) -> Result<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::BigInt(b) => big_to_f64(b),
        Value::Float(f) => Ok(*f),
        _ => Err(type_error(format!("expected a number, got {}", v.type_name()))),
    }
}

fn big_to_f64(b: &BigInt) -> Result<f64> {
    numeric::bigint_to_f64(b).ok_or_else(|| overflow_error("int too large to convert to float"))
}

fn as_float(n: &Num<'_>) -> Result<f64> {
    match n {
        Num::Int(i) => Ok(*i as f64),
        Num::Big(b) => big_to_f64(b),
        Num::Float(f) => Ok(*f),
    }
}

#[cold]
fn binop_type_error(op: &str, a: &Value, b: &Value) -> RuntimeError {
    if let Some(e) = uninit_error(a).or_else(|| uninit_error(b)) {
        return e;
    }
    type_error(format!(
        "unsupported operand types for `{op}`: {} and {}",
        a.type_name(),
        b.type_name()
    ))
}

/// Values that never reach operators in a well-formed program; guards the internal kinds.
fn uninit_error(v: &Value) -> Option<RuntimeError> {
    matches!(v, Value::Uninit | Value::Cell(_) | Value::Raised(_))
        .then(|| RuntimeError::new(ErrorKind::NameError, "variable used before it has a value"))
}

#[cold]
pub fn add(a: &Value, b: &Value) -> Result<Value> {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => concat(x.as_str(), y.as_str()),
        (Value::Str(x), Value::Int(i)) => concat(x.as_str(), int_text(*i, &mut [0; 20])),
        (Value::Int(i), Value::Str(y)) => concat(int_text(*i, &mut [0; 20]), y.as_str()),
        (Value::Str(x), other) => concat(x.as_str(), &crate::display::display(other)),
        (other, Value::Str(y)) => concat(&crate::display::display(other), y.as_str()),
        (Value::Array(x), Value::Array(y)) => {
            let item = x.item_bytes().max(y.item_bytes());
            crate::heap::reserve_for(((x.len() + y.len()) * item) as u64, "array `+`")?;
            Ok(Value::Array(Array::concat(x, y)))
        }
        _ => arith(a, b, "+", |x, y| x.checked_add(y), |x, y| x + y, |x, y| Ok(x + y)),
    }
}

/// A new string `a + b`.
fn concat(a: &str, b: &str) -> Result<Value> {
    let len = a.len() + b.len();
    if len > 4096 {
        crate::heap::reserve_for(len as u64, "string `+`")?;
    }
    Ok(Value::Str(crate::value::Str::concat(a, b)))
}

#[cold]
pub fn sub(a: &Value, b: &Value) -> Result<Value> {
    arith(a, b, "-", |x, y| x.checked_sub(y), |x, y| x - y, |x, y| Ok(x - y))
}

#[cold]
pub fn mul(a: &Value, b: &Value) -> Result<Value> {
    match (a, b) {
        (Value::Str(s), n @ (Value::Int(_) | Value::BigInt(_)))
        | (n @ (Value::Int(_) | Value::BigInt(_)), Value::Str(s)) => {
            let count = repeat_count(n, s.as_str().len())?;
            crate::heap::reserve_for((count * s.as_str().len()) as u64, "string `*`")?;
            Ok(Value::string(s.as_str().repeat(count)))
        }
        (Value::Array(arr), n @ (Value::Int(_) | Value::BigInt(_)))
        | (n @ (Value::Int(_) | Value::BigInt(_)), Value::Array(arr)) => {
            let count = repeat_count(n, arr.len())?;
            crate::heap::reserve_for((count * arr.len() * arr.item_bytes()) as u64, "array `*`")?;
            Ok(Value::Array(arr.repeat(count)))
        }
        (Value::BigInt(x), Value::BigInt(y)) => big_mul((**x).clone(), (**y).clone()),
        (Value::BigInt(x), Value::Int(i)) | (Value::Int(i), Value::BigInt(x)) => {
            big_mul((**x).clone(), BigInt::from(*i))
        }
        _ => arith(a, b, "*", |x, y| x.checked_mul(y), |x, y| x * y, |x, y| Ok(x * y)),
    }
}

/// `x * y` of big ints: the product's size is reserved first, and a product of two
/// huge ints (which cannot be interrupted) stops at the deadline (`heap::bounded`).
fn big_mul(x: BigInt, y: BigInt) -> Result<Value> {
    let bits = x.bits() + y.bits();
    crate::heap::reserve_for(bits / 8, "int `*`")?;
    let cost = (x.bits() / 64 + 1).saturating_mul(y.bits() / 64 + 1);
    crate::heap::bounded(cost, move || x * y).map(Value::bigint)
}

/// `x // y` or `x % y` of big ints: a division of huge ints stops at the deadline.
fn big_div(x: BigInt, y: BigInt, op: fn(BigInt, BigInt) -> BigInt) -> Result<Value> {
    let cost = (x.bits() / 64 + 1).saturating_mul(y.bits() / 64 + 1);
    crate::heap::bounded(cost, move || op(x, y)).map(Value::bigint)
}

/// The repetition count of `s * n`; counts `<= 0` give 0.
fn repeat_count(n: &Value, unit_len: usize) -> Result<usize> {
    let count = match n {
        Value::Int(i) => (*i).max(0) as u64,
        Value::BigInt(b) if b.is_negative() => 0,
        _ => u64::MAX,
    };
    if unit_len == 0 || count == 0 {
        return Ok(0);
    }
    if count.saturating_mul(unit_len as u64) > (1 << 32) {
        return Err(RuntimeError::new(
            ErrorKind::LimitExceeded,
            "repetition result too large (over 4 GiB)",
        ));
    }
    Ok(count as usize)
}

fn arith(
    a: &Value,
    b: &Value,
    op: &str,
    small: impl Fn(i64, i64) -> Option<i64>,
    large: impl Fn(BigInt, BigInt) -> BigInt,
    float: impl Fn(f64, f64) -> Result<f64>,
) -> Result<Value> {
    let (Some(x), Some(y)) = (num(a), num(b)) else {
        return Err(binop_type_error(op, a, b));
    };
    match (&x, &y) {
        (Num::Float(_), _) | (_, Num::Float(_)) => {
            Ok(Value::Float(float(as_float(&x)?, as_float(&y)?)?))
        }
        (Num::Int(i), Num::Int(j)) => match small(*i, *j) {
            Some(r) => Ok(Value::Int(r)),
            None => Ok(Value::bigint(large(BigInt::from(*i), BigInt::from(*j)))),
        },
        _ => Ok(Value::bigint(large(big(&x), big(&y)))),
    }
}

fn is_zero(n: &Num<'_>) -> bool {
    match n {
        Num::Int(i) => *i == 0,
        Num::Big(_) => false,
        Num::Float(f) => *f == 0.0,
    }
}

#[cold]
pub fn div(a: &Value, b: &Value) -> Result<Value> {
    let (Some(x), Some(y)) = (num(a), num(b)) else {
        return Err(binop_type_error("/", a, b));
    };
    if is_zero(&y) {
        return Err(zero_division("/"));
    }
    match (&x, &y) {
        (Num::Float(_), _) | (_, Num::Float(_)) => Ok(Value::Float(as_float(&x)? / as_float(&y)?)),
        (Num::Int(i), Num::Int(j))
            if i.unsigned_abs() < (1 << 53) && j.unsigned_abs() < (1 << 53) =>
        {
            Ok(Value::Float(*i as f64 / *j as f64))
        }
        _ => numeric::int_true_div(&big(&x), &big(&y))
            .map(Value::Float)
            .ok_or_else(|| overflow_error("integer division result too large for a float")),
    }
}

#[cold]
pub fn floor_div(a: &Value, b: &Value) -> Result<Value> {
    let (Some(x), Some(y)) = (num(a), num(b)) else {
        return Err(binop_type_error("//", a, b));
    };
    if is_zero(&y) {
        return Err(zero_division("//"));
    }
    match (&x, &y) {
        (Num::Float(_), _) | (_, Num::Float(_)) => {
            Ok(Value::Float(numeric::float_floor_div(as_float(&x)?, as_float(&y)?)))
        }
        (Num::Int(i), Num::Int(j)) => match i.checked_div_euclid(*j) {
            Some(_) if *j != -1 || *i != i64::MIN => Ok(Value::Int(i.div_floor(j))),
            _ => Ok(Value::bigint(BigInt::from(*i).div_floor(&BigInt::from(*j)))),
        },
        _ => big_div(big(&x), big(&y), |a, b| a.div_floor(&b)),
    }
}

#[cold]
pub fn modulo(a: &Value, b: &Value) -> Result<Value> {
    let (Some(x), Some(y)) = (num(a), num(b)) else {
        return Err(binop_type_error("%", a, b));
    };
    if is_zero(&y) {
        return Err(zero_division("%"));
    }
    match (&x, &y) {
        (Num::Float(_), _) | (_, Num::Float(_)) => {
            Ok(Value::Float(numeric::float_mod(as_float(&x)?, as_float(&y)?)))
        }
        (Num::Int(i), Num::Int(j)) => match i.checked_rem(*j) {
            Some(_) => Ok(Value::Int(i.mod_floor(j))),
            None => Ok(Value::Int(0)),
        },
        _ => big_div(big(&x), big(&y), |a, b| a.mod_floor(&b)),
    }
}

#[cold]
pub fn neg(a: &Value) -> Result<Value> {
    match a {
        Value::Int(i) => Ok(match i.checked_neg() {
            Some(r) => Value::Int(r),
            None => Value::bigint(-BigInt::from(*i)),
        }),
        Value::BigInt(b) => Ok(Value::bigint(-(**b).clone())),
        Value::Float(f) => Ok(Value::Float(-f)),
        _ => Err(uninit_error(a).unwrap_or_else(|| {
            type_error(format!("bad operand type for unary `-`: {}", a.type_name()))
        })),
    }
}

// ----- comparison ------------------------------------------------------------------------

/// Containers nested deeper than this raise `RecursionError` in `==` and `<`.
pub const MAX_COMPARE_DEPTH: usize = 10_000;

/// Whether two numbers are equal by mathematical value.
pub fn num_eq(a: &Value, b: &Value) -> bool {
    num_cmp(a, b) == Some(Ordering::Equal)
}

/// Compares two numbers by mathematical value; `None` when NaN is involved.
fn num_cmp(a: &Value, b: &Value) -> Option<Ordering> {
    match (num(a)?, num(b)?) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(&y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(&y),
        (Num::Float(x), Num::Int(y)) => numeric::cmp_i64_f64(y, x).map(Ordering::reverse),
        (Num::Int(x), Num::Float(y)) => numeric::cmp_i64_f64(x, y),
        (Num::Float(x), Num::Big(y)) => numeric::cmp_bigint_f64(y, x).map(Ordering::reverse),
        (Num::Big(x), Num::Float(y)) => numeric::cmp_bigint_f64(x, y),
        (x, y) => Some(big(&x).cmp(&big(&y))),
    }
}

/// `a == b` (spec §5.5). Only deep nesting raises (`RecursionError`).
pub fn equals(a: &Value, b: &Value) -> Result<bool> {
    eq_depth(a, b, 0)
}

fn eq_depth(a: &Value, b: &Value, depth: usize) -> Result<bool> {
    if depth > MAX_COMPARE_DEPTH {
        return Err(recursion_error());
    }
    Ok(match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => std::rc::Rc::ptr_eq(x, y) || x.as_str() == y.as_str(),
        (x, y) if x.is_number() && y.is_number() => num_eq(x, y),
        (Value::Array(x), Value::Array(y)) => {
            // Two arrays that share their items (`a = [a, a]` 80 times) compare equal
            // only after 2^80 steps: the deadline is checked as containers are compared.
            crate::heap::tick()?;
            let (xs, ys) = (x.items(), y.items());
            if xs.len() != ys.len() {
                return Ok(false);
            }
            if let (Items::Ints(p), Items::Ints(q)) = (&*xs, &*ys) {
                return Ok(p == q);
            }
            for (p, q) in xs.iter().zip(ys.iter()) {
                if !eq_depth(&p, &q, depth + 1)? {
                    return Ok(false);
                }
            }
            true
        }
        (Value::Object(x), Value::Object(y)) => {
            crate::heap::tick()?;
            let xd = x.dict.borrow();
            let yd = y.dict.borrow();
            if xd.len() != yd.len() {
                return Ok(false);
            }
            for (k, v) in xd.iter() {
                let Ok(key) = crate::dict::Key::new(k.clone()) else { return Ok(false) };
                match yd.get(&key) {
                    Some(w) if eq_depth(v, w, depth + 1)? => {}
                    _ => return Ok(false),
                }
            }
            true
        }
        _ => a.ptr_eq(b),
    })
}

#[cold]
fn recursion_error() -> RuntimeError {
    RuntimeError::new(
        ErrorKind::RecursionError,
        "maximum nesting depth exceeded while comparing containers",
    )
}

/// The ordering operators (spec §5.6).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    fn holds(self, ord: Ordering) -> bool {
        match self {
            CmpOp::Lt => ord == Ordering::Less,
            CmpOp::Le => ord != Ordering::Greater,
            CmpOp::Gt => ord == Ordering::Greater,
            CmpOp::Ge => ord != Ordering::Less,
        }
    }
}

/// `a OP b` for an ordering operator.
#[cold]
pub fn compare(op: CmpOp, a: &Value, b: &Value) -> Result<bool> {
    cmp_depth(op, a, b, 0)
}

fn cmp_depth(op: CmpOp, a: &Value, b: &Value, depth: usize) -> Result<bool> {
    if depth > MAX_COMPARE_DEPTH {
        return Err(recursion_error());
    }
    match (a, b) {
        (x, y) if x.is_number() && y.is_number() => Ok(num_cmp(x, y).is_some_and(|o| op.holds(o))),
        (Value::Str(x), Value::Str(y)) => Ok(op.holds(x.as_str().cmp(y.as_str()))),
        (Value::Array(x), Value::Array(y)) => {
            if let (Items::Ints(p), Items::Ints(q)) = (&*x.items(), &*y.items()) {
                return Ok(op.holds(p.as_slice().cmp(q.as_slice())));
            }
            let (xs, ys) = (x.to_vec(), y.to_vec());
            for (p, q) in xs.iter().zip(ys.iter()) {
                if !eq_depth(p, q, depth + 1)? {
                    return cmp_depth(op, p, q, depth + 1);
                }
            }
            Ok(op.holds(xs.len().cmp(&ys.len())))
        }
        _ => Err(binop_type_error(op.symbol(), a, b)),
    }
}

/// The total order used by `sort`, `sorted`, `min` and `max`: `a < b`.
pub fn less_than(a: &Value, b: &Value) -> Result<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        _ => compare(CmpOp::Lt, a, b),
    }
}

/// Converts an int value to `i64` where an index or count is needed.
pub fn to_index(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::BigInt(b) => Some(if b.is_negative() { i64::MIN } else { i64::MAX }),
        _ => None,
    }
}

/// An int argument as `i64`, clamped for huge values.
pub fn bigint_to_i64_clamped(b: &BigInt) -> i64 {
    b.to_i64().unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX })
}
