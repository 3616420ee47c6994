//! Dynamic access and introspection builtins (spec §11.9, §11.10): `hasattr`,
//! `getattr`, `call`, `help`, `methods`. Module introspection is in `modules.rs`.

use std::fmt::Write as _;

use crate::bytecode::CodeKind;
use crate::display::repr;
use crate::error::{type_error, Result};
use crate::methods::{self, ARRAY_METHODS, STRING_METHODS};
use crate::natives::NativeFunction;
use crate::value::{Closure, Module, Value};
use crate::vm::Vm;

/// The member name argument of `hasattr` / `getattr`.
fn member_name<'a>(func: &str, v: &'a Value) -> Result<&'a std::rc::Rc<crate::value::Str>> {
    match v {
        Value::Str(s) => Ok(s),
        other => Err(type_error(format!(
            "`{func}` expects a string member name, got {}",
            other.type_name()
        ))),
    }
}

pub(crate) fn hasattr(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let name = member_name("hasattr", &args[1])?;
    Ok(Value::Bool(methods::has_member(&args[0], name)))
}

pub(crate) fn getattr(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let name = member_name("getattr", &args[1])?;
    if let Value::Object(o) = &args[0] {
        // One lookup: an object's members are its string keys.
        if let Some(v) = o.dict.borrow().get_str(name) {
            return Ok(v.clone());
        }
    } else if methods::has_member(&args[0], name) {
        return methods::get_member(&args[0], name);
    }
    Ok(args.get(2).cloned().unwrap_or(Value::Null))
}

pub(crate) fn call(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    vm.call_value(&args[0], args[1..].to_vec())
}

pub(crate) fn methods(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let names = methods::method_names(&args[0]);
    Ok(Value::array(names.into_iter().map(Value::string).collect()))
}

pub(crate) fn help(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::string(describe(&args[0])))
}

/// The text of `help(v)` (implementation-defined, spec §11.10).
pub(crate) fn describe(v: &Value) -> String {
    match v {
        Value::Native(n) => describe_native(n),
        Value::Function(c) => describe_closure(c),
        Value::Bound(b) => {
            let name = b.name.as_str();
            let mut out = format!("method `{name}` of {}", b.receiver.type_name());
            // The declaration's help ends with the capabilities it requires.
            match methods::method_doc(&b.receiver, name) {
                Some(doc) => {
                    let _ = write!(out, "\n{doc}");
                }
                None => out.push_str("\nrequires no capabilities"),
            }
            out
        }
        Value::Module(m) => describe_module(m),
        Value::Str(_) => format!(
            "string {}\nproperty: length\nmethods: {}",
            preview(v),
            STRING_METHODS.join(", ")
        ),
        Value::Array(_) => format!(
            "array {}\nproperty: length\nmethods: {}",
            preview(v),
            ARRAY_METHODS.join(", ")
        ),
        Value::Object(o) if o.is_error => format!(
            "error object {}\nkeys: message, type, line and the fields of a thrown object",
            preview(v)
        ),
        Value::Object(_) => format!(
            "object {}\nobjects have no built-in methods; use keys(), values() and len()",
            preview(v)
        ),
        Value::Iterator(_) => {
            "Iterator: a library object over the items of an iterable; use next(it[, default]) or a for loop"
                .to_owned()
        }
        Value::Library(o) => {
            let names: Vec<&str> = o.class.methods.iter().map(|m| m.name).collect();
            let mut text = format!("{}: {}\nmethods: {}", o.class.name, o.class.doc, names.join(", "));
            if !o.class.properties.is_empty() {
                let props: Vec<&str> = o.class.properties.iter().map(|p| p.name).collect();
                text.push_str(&format!("\nproperties: {}", props.join(", ")));
            }
            text
        }
        other => format!("{} {}", other.type_name(), preview(other)),
    }
}

/// The literal form of `v`, shortened to about 60 characters.
fn preview(v: &Value) -> String {
    const MAX: usize = 60;
    let text = repr(v);
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

fn describe_native(n: &NativeFunction) -> String {
    let head = match n.module {
        _ if n.decl().is_none() => "anonymous function made by a library function".to_owned(),
        Some(module) => format!("function `{}` of module `{module}`", n.name),
        None => format!("builtin function `{}`", n.name),
    };
    format!("{head}\n{}", n.help())
}

fn describe_closure(c: &Closure) -> String {
    let code = &c.code;
    let n_params = usize::from(code.n_params()).min(code.local_names().len());
    let params = code.local_names()[..n_params].join(", ");
    let head = match code.kind() {
        CodeKind::Function => format!("function `{}({params})`", code.name()),
        _ => format!("arrow function `fn({params})`"),
    };
    format!("{head}\ndefined at {}:{}\nrequires no capabilities", code.file().name(), code.line())
}

fn describe_module(m: &Module) -> String {
    if m.name == "builtin" {
        return describe_declared(
            "builtin",
            "the prelude: every builtin function, reachable even when shadowed",
            crate::builtins::declarations(),
            Vec::new(),
        );
    }
    if let Some(decl) = crate::stdlib::declaration(&m.name) {
        let constants = (decl.constants)().into_iter().map(|(name, _)| name).collect();
        return describe_declared(decl.name, decl.doc, decl.functions, constants);
    }
    let mut functions = Vec::new();
    let mut others = Vec::new();
    for name in m.member_names() {
        match m.get(&name) {
            Some(v) if v.is_callable() => functions.push(name),
            Some(Value::Module(_)) => others.push(name),
            _ => others.push(name),
        }
    }
    functions.sort();
    others.sort();
    let mut out = format!("module `{}`", m.name);
    let list =
        |names: &[String]| if names.is_empty() { "(none)".to_owned() } else { names.join(", ") };
    let _ = write!(out, "\nfunctions: {}", list(&functions));
    if !others.is_empty() {
        let _ = write!(out, "\nother members: {}", list(&others));
    }
    out
}

/// `help` of a module made from declarations (`builtin` and the standard modules): its
/// description, then one line per function (signature and description), sorted.
fn describe_declared(
    name: &str,
    doc: &str,
    functions: &[crate::natives::NativeDecl],
    mut constants: Vec<&str>,
) -> String {
    let mut out = format!("module `{name}`: {doc}\nfunctions:");
    let mut sorted: Vec<&crate::natives::NativeDecl> = functions.iter().collect();
    sorted.sort_by_key(|f| f.name);
    for f in sorted {
        let _ = write!(out, "\n  {}: {}", f.signature(), f.doc);
    }
    if !constants.is_empty() {
        constants.sort_unstable();
        let _ = write!(out, "\nconstants: {}", constants.join(", "));
    }
    out
}
