//! Input and output builtins (spec §11.8): `print` and `input`.

use crate::display::write_display;
use crate::error::{ErrorKind, Result, RuntimeError};
use crate::natives::optional;
use crate::value::Value;
use crate::vm::Vm;

pub(crate) fn print(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let mut line = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            line.push(' ');
        }
        match a {
            // A long conversion stops at the deadline.
            Value::BigInt(b) => line.push_str(&super::convert::big_text(b, "`print`")?),
            _ => write_display(&mut line, a),
        }
    }
    line.push('\n');
    vm.write_out(&line)?;
    Ok(Value::Null)
}

pub(crate) fn input(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    if let Some(prompt) = optional(args, 0) {
        let mut text = String::new();
        write_display(&mut text, prompt);
        vm.write_out(&text)?;
    }
    match vm.read_line() {
        Ok(Some(line)) => Ok(Value::string(line)),
        Ok(None) => Err(RuntimeError::new(
            ErrorKind::IOError,
            "`input`: end of input reached on standard input",
        )),
        Err(e) if e.kind() == std::io::ErrorKind::TimedOut => Err(crate::heap::time_limit_error()),
        Err(e) => Err(RuntimeError::new(
            ErrorKind::IOError,
            format!("`input`: cannot read standard input: {e}"),
        )),
    }
}
