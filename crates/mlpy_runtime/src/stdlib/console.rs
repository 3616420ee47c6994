//! `console` (spec §12.2): `print`-like output to standard output or standard error,
//! with an optional level word first.

use super::{no_constants, ModuleDecl};
use crate::display::write_display;
use crate::error::Result;
use crate::natives::{rest, Kinds, NativeDecl, Param};
use crate::value::Value;
use crate::vm::Vm;

pub(super) static MODULE: ModuleDecl = ModuleDecl::new(
    "console",
    "print-like output to standard output or standard error, with a level word first",
    FUNCTIONS,
    no_constants,
);

const VALUES: &[Param] = &[rest("values", Kinds::ANY)];

#[rustfmt::skip]
static FUNCTIONS: &[NativeDecl] = &[
    NativeDecl::function("log", VALUES, "writes the values to standard output, like print", log),
    NativeDecl::function("info", VALUES, "writes \"INFO:\" and the values to standard output", info),
    NativeDecl::function("debug", VALUES, "writes \"DEBUG:\" and the values to standard output", debug),
    NativeDecl::function("error", VALUES, "writes the values to standard error", error),
    NativeDecl::function("warn", VALUES, "writes \"WARNING:\" and the values to standard error", warn),
];

/// The line `print` would write for `args`, after `prefix` (if any) and a space.
fn line(prefix: Option<&str>, args: &[Value]) -> String {
    let mut out = String::new();
    if let Some(p) = prefix {
        out.push_str(p);
        if !args.is_empty() {
            out.push(' ');
        }
    }
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        write_display(&mut out, a);
    }
    out.push('\n');
    out
}

fn log(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    vm.write_out(&line(None, args))?;
    Ok(Value::Null)
}

fn info(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    vm.write_out(&line(Some("INFO:"), args))?;
    Ok(Value::Null)
}

fn debug(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    vm.write_out(&line(Some("DEBUG:"), args))?;
    Ok(Value::Null)
}

fn error(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    vm.write_err(&line(None, args));
    Ok(Value::Null)
}

fn warn(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    vm.write_err(&line(Some("WARNING:"), args));
    Ok(Value::Null)
}
