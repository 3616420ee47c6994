//! `console` (spec §12.2): `print`-like output to standard output or standard error,
//! with an optional level word first.

use super::Member;
use crate::display::write_display;
use crate::error::Result;
use crate::value::Value;
use crate::vm::Vm;

pub(super) static MODULE: super::ModuleDecl = super::ModuleDecl::legacy("console", members);

fn members() -> Vec<Member> {
    use Member::Function;
    vec![
        Function("log", "log(...): writes the values to standard output, like print", log),
        Function("info", "info(...): writes \"INFO:\" and the values to standard output", info),
        Function("debug", "debug(...): writes \"DEBUG:\" and the values to standard output", debug),
        Function("error", "error(...): writes the values to standard error", error),
        Function("warn", "warn(...): writes \"WARNING:\" and the values to standard error", warn),
    ]
}

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
