//! The builtin functions of the prelude (spec §11) and the prelude module `builtin`.

use std::collections::HashMap;
use std::rc::Rc;

use crate::compiler::Prelude;
use crate::error::{type_error, Result};
use crate::natives::NativeFunction;
use crate::value::{Module, ModuleMember, Value};
use crate::vm::Vm;

/// The prelude scope: every builtin by name, plus `builtin`.
pub struct BuiltinTable {
    names: HashMap<&'static str, Value>,
    module: Rc<Module>,
}

impl Prelude for BuiltinTable {
    fn lookup(&self, name: &str) -> Option<Value> {
        if name == "builtin" {
            return Some(Value::Module(self.module.clone()));
        }
        self.names.get(name).cloned()
    }
}

impl BuiltinTable {
    pub fn new() -> BuiltinTable {
        let module = Module::new("builtin");
        let mut names = HashMap::new();
        for &(name, doc, f) in BUILTINS {
            let func = Value::Native(NativeFunction::new(name, doc, f));
            module.add(name, ModuleMember::Value(func.clone()));
            names.insert(name, func);
        }
        BuiltinTable { names, module }
    }

    /// The names bound in the prelude (for the static name check).
    pub fn names(&self) -> Vec<&'static str> {
        let mut v: Vec<&'static str> = BUILTINS.iter().map(|b| b.0).collect();
        v.push("builtin");
        v
    }

    /// Every builtin function (for the profiler's function table).
    pub fn functions(&self) -> impl Iterator<Item = &Value> {
        self.names.values()
    }
}

impl Default for BuiltinTable {
    fn default() -> Self {
        BuiltinTable::new()
    }
}

type Entry = (&'static str, &'static str, crate::natives::NativeFn);

/// Every builtin: name, one-line description, implementation.
const BUILTINS: &[Entry] = &[
    ("print", "print(v1, v2, …): writes the display forms separated by spaces and a line feed; returns null", print),
    ("len", "len(x): the number of characters, items or entries of a string, array or object", len),
    ("str", "str(v): the display form of v", str_),
];

fn print(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let mut line = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            line.push(' ');
        }
        crate::display::write_display(&mut line, a);
    }
    line.push('\n');
    vm.write_out(&line);
    Ok(Value::Null)
}

fn len(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let [v] = args else { return Err(type_error("len() takes exactly 1 argument")) };
    match v {
        Value::Str(s) => Ok(Value::Int(s.char_len() as i64)),
        Value::Array(a) => Ok(Value::Int(a.len() as i64)),
        Value::Object(o) => Ok(Value::Int(o.dict.borrow().len() as i64)),
        other => Err(type_error(format!("len() of {} is not defined", other.type_name()))),
    }
}

fn str_(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let [v] = args else { return Err(type_error("str() takes exactly 1 argument")) };
    Ok(Value::string(crate::display::display(v)))
}
