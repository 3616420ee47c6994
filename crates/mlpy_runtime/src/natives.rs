//! Functions implemented in Rust: the builtins (spec §11) and the standard modules (§12).

use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::error::Result;
use crate::value::Value;
use crate::vm::Vm;

/// A plain native: `(vm, args) -> result`.
pub type NativeFn = fn(&mut Vm, &[Value]) -> Result<Value>;
/// A native made at run time that carries values (`functional.compose(f, g)`).
pub type NativeDataFn = fn(&mut Vm, &[Value], &[Value]) -> Result<Value>;

#[derive(Clone)]
pub enum NativeImpl {
    Plain(NativeFn),
    WithData(NativeDataFn, Rc<crate::value::NativeData>),
}

/// A function implemented in Rust.
pub struct NativeFunction {
    /// `print`, `sqrt`.
    pub name: &'static str,
    /// The standard module it belongs to (`math`), if any.
    pub module: Option<&'static str>,
    pub imp: NativeImpl,
    /// The capabilities a call can need (spec §14.6 `requiredCapabilities`).
    pub capabilities: &'static [&'static str],
    /// One line for `help`: the parameters and the result.
    pub doc: &'static str,
    /// A number no other native function of the process has, dense (assigned in order of
    /// creation): profilers keep their ids of natives in tables indexed by it.
    pub index: u32,
}

static NEXT_INDEX: AtomicU32 = AtomicU32::new(0);

fn next_index() -> u32 {
    NEXT_INDEX.fetch_add(1, Ordering::Relaxed)
}

impl NativeFunction {
    pub fn new(name: &'static str, doc: &'static str, f: NativeFn) -> Rc<NativeFunction> {
        Rc::new(NativeFunction {
            name,
            module: None,
            imp: NativeImpl::Plain(f),
            capabilities: &[],
            doc,
            index: next_index(),
        })
    }

    /// A function of the standard module `module`.
    pub fn in_module(
        module: &'static str,
        name: &'static str,
        doc: &'static str,
        imp: NativeImpl,
    ) -> Rc<NativeFunction> {
        Rc::new(NativeFunction {
            name,
            module: Some(module),
            imp,
            capabilities: &[],
            doc,
            index: next_index(),
        })
    }

    /// The name in the display form: `print`, `math.sqrt`, or `anonymous` for functions
    /// made by library functions.
    pub fn display_name(&self) -> String {
        match (&self.imp, self.module) {
            (NativeImpl::WithData(..), _) => "anonymous".to_owned(),
            (_, Some(m)) => format!("{m}.{}", self.name),
            (_, None) => self.name.to_owned(),
        }
    }

    pub fn call(&self, vm: &mut Vm, args: &[Value]) -> Result<Value> {
        match &self.imp {
            NativeImpl::Plain(f) => f(vm, args),
            NativeImpl::WithData(f, data) => f(vm, data, args),
        }
    }
}

// ----- argument helpers for natives -----------------------------------------------------

/// Checks that a native named `func` got between `min` and `max` arguments
/// (`usize::MAX` for no upper bound); otherwise a `TypeError` naming the function.
pub fn check_arity(func: &str, args: &[Value], min: usize, max: usize) -> Result<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    Err(arity_error(func, n, min, max))
}

#[cold]
fn arity_error(func: &str, n: usize, min: usize, max: usize) -> crate::error::RuntimeError {
    let plural = |k: usize| if k == 1 { "argument" } else { "arguments" };
    let expected = if min == max {
        format!("exactly {min} {}", plural(min))
    } else if max == usize::MAX || n < min {
        format!("at least {min} {}", plural(min))
    } else {
        format!("at most {max} {}", plural(max))
    };
    let given = if n == 1 { "was" } else { "were" };
    crate::error::type_error(format!("`{func}` takes {expected} but {n} {given} given"))
}

/// The optional argument at `idx`: `None` when it is missing or `null` (spec §11.1).
pub fn optional(args: &[Value], idx: usize) -> Option<&Value> {
    match args.get(idx) {
        None | Some(Value::Null) => None,
        Some(v) => Some(v),
    }
}

/// A `TypeError` for an argument of the wrong kind: "`func` expects WHAT, got KIND".
#[cold]
pub fn kind_error(func: &str, expected: &str, got: &Value) -> crate::error::RuntimeError {
    crate::error::type_error(format!("`{func}` expects {expected}, got {}", got.type_name()))
}

/// An int argument as `i64` (huge ints are clamped to the `i64` range); booleans and
/// every other kind raise a `TypeError` naming `func` and `what` ("an int …").
pub fn int_arg(func: &str, what: &str, v: &Value) -> Result<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::BigInt(b) => Ok(crate::ops::bigint_to_i64_clamped(b)),
        other => Err(kind_error(func, what, other)),
    }
}

/// A string argument; every other kind raises a `TypeError` naming `func` and `what`.
pub fn str_arg<'a>(func: &str, what: &str, v: &'a Value) -> Result<&'a str> {
    match v {
        Value::Str(s) => Ok(s.as_str()),
        other => Err(kind_error(func, what, other)),
    }
}
