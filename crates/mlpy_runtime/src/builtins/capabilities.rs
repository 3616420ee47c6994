//! Capability introspection builtins (spec §14.6): `hasCapability`, `getCapabilities`,
//! `getCapabilityInfo`, `requiredCapabilities`.
//!
//! The first three ask the run's policy (`Vm::policy`: the command-line grants narrowed
//! by the program's declarations, §14.2–§14.3): a capability is available when it is
//! permitted for at least one resource. Names that are not capabilities of §14.1 are
//! never available. `requiredCapabilities` reports what each native function declares
//! in `NativeFunction::capabilities` (builtins and ML functions need none).

use mlpy_sandbox::Capability;

use crate::dict::Dict;
use crate::error::Result;
use crate::natives::kind_error;
use crate::value::Value;
use crate::vm::Vm;

/// The capability name argument of `hasCapability` and `getCapabilityInfo` (its count
/// and kind are checked by the declarations in `builtins.rs`).
fn capability_name<'a>(func: &str, args: &'a [Value]) -> Result<&'a str> {
    match &args[0] {
        Value::Str(s) => Ok(s.as_str()),
        other => Err(kind_error(func, "a capability name string", other)),
    }
}

/// The capability `name` if it is permitted for at least one resource.
fn permitted(vm: &Vm, name: &str) -> Option<Capability> {
    Capability::from_name(name).filter(|&c| vm.policy().has(c))
}

fn strings(items: Vec<String>) -> Value {
    Value::array(items.into_iter().map(Value::string).collect())
}

pub(crate) fn has_capability(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let name = capability_name("hasCapability", args)?;
    Ok(Value::Bool(permitted(vm, name).is_some()))
}

pub(crate) fn get_capabilities(vm: &mut Vm, _: &[Value]) -> Result<Value> {
    // `Capability::ALL` is sorted by name.
    let names = vm.policy().capabilities().into_iter().map(|c| Value::str(c.name())).collect();
    Ok(Value::array(names))
}

pub(crate) fn get_capability_info(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let name = capability_name("getCapabilityInfo", args)?;
    let Some(info) = permitted(vm, name).and_then(|c| vm.policy().info(c)) else {
        return Ok(Value::Null);
    };
    let mut dict = Dict::with_capacity(4);
    dict.insert_str("type", Value::str(name));
    dict.insert_str("available", Value::Bool(true));
    dict.insert_str("granted", info.granted.map_or(Value::Null, strings));
    dict.insert_str("declared", info.declared.map_or(Value::Null, strings));
    Ok(Value::object(dict))
}

pub(crate) fn required_capabilities(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let f = &args[0];
    if !f.is_callable() {
        return Err(kind_error("requiredCapabilities", "a function", f));
    }
    let mut names: Vec<&str> = match f {
        Value::Native(n) => n.capabilities().iter().map(|c| c.name()).collect(),
        // A bound method of a library object (`logger.add_file`): its declaration's.
        Value::Bound(b) => match &b.receiver {
            Value::Library(o) => o
                .class
                .method(b.name.as_str())
                .map_or_else(Vec::new, |m| m.capabilities.iter().map(|c| c.name()).collect()),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    names.sort_unstable();
    names.dedup();
    Ok(Value::array(names.into_iter().map(Value::str).collect()))
}
