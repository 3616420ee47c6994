//! Capability introspection builtins (spec §14.6): `hasCapability`, `getCapabilities`,
//! `getCapabilityInfo`, `requiredCapabilities`.
//!
//! There is no capability system in the VM yet: a program is treated as having no
//! capability at all (the situation of a run without `--allow-*` options), so
//! `hasCapability` is false for every name, `getCapabilities()` is `[]` and
//! `getCapabilityInfo` is null. `requiredCapabilities` already reports what each native
//! function declares in `NativeFunction::capabilities` (builtins and ML functions need
//! none). The sandbox work replaces the first three with queries of the run's policy
//! (command-line grants narrowed by the program's declarations, §14.2–§14.3).

use crate::error::Result;
use crate::natives::{check_arity, kind_error};
use crate::value::Value;
use crate::vm::Vm;

/// The capability name argument of `hasCapability` and `getCapabilityInfo`.
fn capability_name<'a>(func: &str, args: &'a [Value]) -> Result<&'a str> {
    check_arity(func, args, 1, 1)?;
    match &args[0] {
        Value::Str(s) => Ok(s.as_str()),
        other => Err(kind_error(func, "a capability name string", other)),
    }
}

/// Whether the capability `name` is permitted for at least one resource. No capability
/// is granted yet.
fn is_permitted(_vm: &Vm, _name: &str) -> bool {
    false
}

pub(crate) fn has_capability(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let name = capability_name("hasCapability", args)?;
    Ok(Value::Bool(is_permitted(vm, name)))
}

pub(crate) fn get_capabilities(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("getCapabilities", args, 0, 0)?;
    Ok(Value::array(Vec::new()))
}

pub(crate) fn get_capability_info(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let name = capability_name("getCapabilityInfo", args)?;
    if !is_permitted(vm, name) {
        return Ok(Value::Null);
    }
    // Unreachable until capabilities can be granted: the object of §14.6 is built here.
    Ok(Value::Null)
}

pub(crate) fn required_capabilities(_: &mut Vm, args: &[Value]) -> Result<Value> {
    check_arity("requiredCapabilities", args, 1, 1)?;
    let f = &args[0];
    if !f.is_callable() {
        return Err(kind_error("requiredCapabilities", "a function", f));
    }
    let mut names: Vec<&str> = match f {
        Value::Native(n) => n.capabilities().iter().map(|c| c.name()).collect(),
        _ => Vec::new(),
    };
    names.sort_unstable();
    names.dedup();
    Ok(Value::array(names.into_iter().map(Value::str).collect()))
}
