//! `env` (spec §12.14): the process's environment variables, each read behind `env.read`
//! and each change behind `env.write` for that variable (`all()` needs `env.read` for
//! every variable).
//!
//! Thread safety: `std::env::set_var` and `remove_var` race with any other thread reading
//! the environment (through libc). The VM is single-threaded, and the helper threads of
//! other natives (`file`'s bounded reads) never read the environment, so a change made
//! here is not observed half-made.
//!
//! A variable's name must be non-empty and contain neither `=` nor NUL, and a value must
//! not contain NUL (the OS cannot hold them): otherwise `ValueError`, checked before the
//! capability. Values that are not valid UTF-8 are read with U+FFFD in place of the bad
//! bytes.

use mlpy_sandbox::Capability;

use super::file::str_at;
use super::{no_constants, ModuleDecl};
use crate::dict::Dict;
use crate::display::display;
use crate::error::{runtime_error, value_error, Result};
use crate::natives::{opt, req, Kinds, NativeDecl};
use crate::support::numeric::{self, IntOrBig};
use crate::value::Value;
use crate::vm::Vm;

const READ: &[Capability] = &[Capability::EnvRead];
const WRITE: &[Capability] = &[Capability::EnvWrite];
const K: crate::natives::Param = req("k", Kinds::STR);

static FUNCTIONS: [NativeDecl; 9] = [
    NativeDecl::function(
        "get",
        &[K, opt("default", Kinds::ANY, "null")],
        "the variable's value, or default if it is not set",
        get,
    )
    .needs(READ),
    NativeDecl::function("require", &[K], "the variable's value (not set: RuntimeError)", require)
        .needs(READ),
    NativeDecl::function("has", &[K], "whether the variable is set", has).needs(READ),
    NativeDecl::function(
        "get_int",
        &[K, opt("default", Kinds::ANY, "0")],
        "the value parsed as by int, or default if it is not set or not a number",
        get_int,
    )
    .needs(READ),
    NativeDecl::function(
        "get_float",
        &[K, opt("default", Kinds::ANY, "0.0")],
        "the value parsed as by float, or default if it is not set or not a number",
        get_float,
    )
    .needs(READ),
    NativeDecl::function(
        "get_bool",
        &[K, opt("default", Kinds::ANY, "false")],
        "whether the lower-cased value is true, 1, yes or on; default if it is not set",
        get_bool,
    )
    .needs(READ),
    NativeDecl::function("all", &[], "an object of every variable, sorted by name", all)
        .needs(READ),
    NativeDecl::function(
        "set",
        &[K, req("v", Kinds::ANY)],
        "sets the variable to the display form of v; returns null",
        set,
    )
    .needs(WRITE),
    NativeDecl::function("delete", &[K], "removes the variable if it is set; returns null", delete)
        .needs(WRITE),
];

pub(super) static MODULE: ModuleDecl =
    ModuleDecl::new("env", "environment variables", &FUNCTIONS, no_constants);

/// The variable name argument, checked to be one the OS can hold.
fn name<'a>(func: &str, args: &'a [Value]) -> Result<&'a str> {
    let k = str_at(args, 0);
    if k.is_empty() || k.contains(['=', '\0']) {
        return Err(value_error(format!(
            "`{func}`: {k:?} is not a variable name (names are non-empty, without `=` or NUL)"
        )));
    }
    Ok(k)
}

/// The variable `k` after the `env.read` check.
fn read_var(vm: &Vm, func: &str, args: &[Value]) -> Result<Option<String>> {
    let k = name(func, args)?;
    vm.check_var(Capability::EnvRead, k)?;
    Ok(std::env::var_os(k).map(|v| v.to_string_lossy().into_owned()))
}

/// The optional argument at `idx`, or `fallback` when it is omitted.
fn default_at(args: &[Value], idx: usize, fallback: Value) -> Value {
    args.get(idx).cloned().unwrap_or(fallback)
}

fn get(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(match read_var(vm, "env.get", args)? {
        Some(v) => Value::string(v),
        None => default_at(args, 1, Value::Null),
    })
}

fn require(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    match read_var(vm, "env.require", args)? {
        Some(v) => Ok(Value::string(v)),
        None => Err(runtime_error(format!(
            "`env.require`: the environment variable `{}` is not set",
            str_at(args, 0)
        ))),
    }
}

fn has(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(read_var(vm, "env.has", args)?.is_some()))
}

/// `int(text)` for a string, if it succeeds.
fn parse_int(text: &str) -> Option<Value> {
    if let Some(n) = numeric::parse_int_literal(text) {
        return Some(int_value(n));
    }
    numeric::parse_numeric_string(text).and_then(numeric::float_to_int).map(int_value)
}

fn int_value(n: IntOrBig) -> Value {
    match n {
        IntOrBig::Small(i) => Value::Int(i),
        IntOrBig::Big(b) => Value::bigint(b),
    }
}

fn get_int(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let value = read_var(vm, "env.get_int", args)?;
    Ok(value.as_deref().and_then(parse_int).unwrap_or_else(|| default_at(args, 1, Value::Int(0))))
}

fn get_float(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let value = read_var(vm, "env.get_float", args)?;
    Ok(value
        .as_deref()
        .and_then(numeric::parse_numeric_string)
        .map(Value::Float)
        .unwrap_or_else(|| default_at(args, 1, Value::Float(0.0))))
}

fn get_bool(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(match read_var(vm, "env.get_bool", args)? {
        Some(v) => {
            Value::Bool(matches!(v.to_lowercase().as_str(), "true" | "1" | "yes" | "on"))
        }
        None => default_at(args, 1, Value::Bool(false)),
    })
}

fn all(vm: &mut Vm, _: &[Value]) -> Result<Value> {
    vm.check_every(Capability::EnvRead)?;
    let mut vars: Vec<(String, String)> = std::env::vars_os()
        .map(|(k, v)| (k.to_string_lossy().into_owned(), v.to_string_lossy().into_owned()))
        .collect();
    vars.sort();
    let mut dict = Dict::with_capacity(vars.len());
    for (k, v) in vars {
        dict.insert_str(&k, Value::string(v));
    }
    Ok(Value::object(dict))
}

fn set(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let k = name("env.set", args)?;
    let v = display(&args[1]);
    if v.contains('\0') {
        return Err(value_error(format!("`env.set`: the value for `{k}` contains NUL")));
    }
    vm.check_var(Capability::EnvWrite, k)?;
    // The VM is single-threaded (see the module documentation).
    std::env::set_var(k, v);
    Ok(Value::Null)
}

fn delete(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let k = name("env.delete", args)?;
    vm.check_var(Capability::EnvWrite, k)?;
    std::env::remove_var(k);
    Ok(Value::Null)
}
