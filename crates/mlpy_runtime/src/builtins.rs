//! The builtin functions of the prelude (spec §11, §14.6) and the prelude module `builtin`.
//!
//! The table `BUILTINS` lists every builtin with its one-line description (shown by
//! `help`) and its implementation; the implementations are grouped by topic:
//!
//! * `builtins/convert.rs` — conversion and type inspection (§11.2, §11.3),
//! * `builtins/collections.rs` — collections, `min`/`max` (§11.4, §11.6),
//! * `builtins/sum.rs` — `sum` (§11.5),
//! * `builtins/numbers.rs` — numbers and text (§11.6, §11.7),
//! * `builtins/io.rs` — `print`, `input` (§11.8),
//! * `builtins/introspect.rs` — dynamic access and introspection (§11.9, §11.10),
//! * `builtins/modules.rs` — module introspection (§11.10),
//! * `builtins/capabilities.rs` — capability introspection (§14.6).
//!
//! Argument conventions (§11.1, §5.12): a wrong number of arguments or an argument of the
//! wrong kind raises `TypeError` naming the builtin; a value of the right kind that is not
//! acceptable raises `ValueError`; an optional argument given as `null` is omitted
//! (except the `default` of `next`); booleans are never numbers.

mod capabilities;
pub(crate) mod collections;
mod convert;
mod introspect;
mod io;
mod modules;
pub(crate) mod numbers;
mod sum;

use std::collections::HashMap;
use std::rc::Rc;

use crate::compiler::Prelude;
use crate::natives::{NativeFn, NativeFunction};
use crate::value::{Module, ModuleMember, Value};

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

/// The standard modules (spec §12.1), sorted.
pub const STANDARD_MODULES: &[&str] = &[
    "args",
    "collections",
    "console",
    "crypto",
    "csv",
    "datetime",
    "env",
    "file",
    "functional",
    "http",
    "json",
    "log",
    "math",
    "path",
    "random",
    "regex",
];

type Entry = (&'static str, &'static str, NativeFn);

/// Every builtin: name, one-line description (parameters and result), implementation.
#[rustfmt::skip]
const BUILTINS: &[Entry] = &[
    // §11.2 Conversion
    ("int", "int(v): v converted to an int: booleans give 0 or 1, floats are truncated toward zero, strings are parsed", convert::int),
    ("float", "float(v): v converted to a float: booleans give 1.0 or 0.0, ints the nearest float, strings are parsed", convert::float),
    ("str", "str(v): the display form of v", convert::str_),
    ("bool", "bool(v): the truthiness of v", convert::bool_),
    // §11.3 Type inspection
    ("typeof", "typeof(v): the kind of v: \"null\", \"boolean\", \"number\", \"string\", \"array\", \"object\", \"function\" or \"module\"", convert::typeof_),
    ("isinstance", "isinstance(v, name): whether typeof(v) == name, or v is an int (\"int\"), a float (\"float\"), an error object (\"error\") or a library object of class name", convert::isinstance),
    ("callable", "callable(v): whether v is a function", convert::callable),
    // §11.4 Collections
    ("len", "len(x): the number of characters, items or entries of a string, array or object", collections::len),
    ("range", "range(stop) / range(start, stop[, step]): the array of ints from start (default 0) up to but excluding stop, by step (default 1)", collections::range),
    ("enumerate", "enumerate(items[, start]): the array of [index, item] pairs of an iterable, indexes counting from start (default 0)", collections::enumerate),
    ("zip", "zip(a, b, …): the array of arrays of the first items of every iterable, then the second items, …, as long as the shortest", collections::zip),
    ("sorted", "sorted(items[, reverse]): a new array of the items of an iterable in ascending (or, if reverse is truthy, descending) order, stable", collections::sorted),
    ("reversed", "reversed(items): a new array of the items of an array, string or object in reverse order", collections::reversed),
    ("keys", "keys(obj): the array of the object's keys in order", collections::keys),
    ("values", "values(obj): the array of the object's values in key order", collections::values),
    ("all", "all(items): whether every item of an iterable is truthy (true for none)", collections::all),
    ("any", "any(items): whether some item of an iterable is truthy (false for none)", collections::any),
    ("sum", "sum(items[, start]): start (default 0) plus the items of an iterable, floats added with compensated summation; strings are refused", sum::sum),
    ("iter", "iter(items): an Iterator over the items of an array, string or object (keys); an iterator returns itself", collections::iter),
    ("next", "next(it[, default]): the next item of the iterator it; when it is exhausted, default if given, else RuntimeError", collections::next),
    // §11.6 Numbers and text
    ("abs", "abs(x): the absolute value of a number", numbers::abs),
    ("min", "min(a, b, …) / min(array): the smallest argument, or the smallest item of a single array argument", collections::min),
    ("max", "max(a, b, …) / max(array): the largest argument, or the largest item of a single array argument", collections::max),
    ("round", "round(x[, n]): x rounded to n (default 0) decimal places, ties to even; floats stay floats, ints stay ints", numbers::round),
    ("chr", "chr(i): the one-character string of code point i", numbers::chr),
    ("ord", "ord(c): the code point of the one-character string c", numbers::ord),
    ("hex", "hex(n): the int n in base 16 with prefix 0x", numbers::hex),
    ("bin", "bin(n): the int n in base 2 with prefix 0b", numbers::bin),
    ("oct", "oct(n): the int n in base 8 with prefix 0o", numbers::oct),
    ("format", "format(v[, spec]): v formatted by the format specification spec (default: the display form)", numbers::format),
    ("repr", "repr(v): the literal form of v (strings quoted)", convert::repr),
    // §11.8 Input and output
    ("print", "print(v1, v2, …): writes the display forms separated by spaces and a line feed; returns null", io::print),
    ("input", "input([prompt]): writes prompt, then reads and returns one line of standard input without its line terminator", io::input),
    // §11.9 Dynamic access
    ("hasattr", "hasattr(v, name): whether v has the member name (an object key, a module member, a method or length)", introspect::hasattr),
    ("getattr", "getattr(v, name[, default]): the member v.name if v has it, otherwise default (default null)", introspect::getattr),
    ("call", "call(f, a1, a2, …): calls the function f with the given arguments", introspect::call),
    // §11.10 Introspection
    ("help", "help(v): a text describing v", introspect::help),
    ("methods", "methods(v): the sorted names that can be called with method syntax on v", introspect::methods),
    ("modules", "modules(): the sorted names of the modules loaded so far, including \"builtin\"", modules::modules),
    ("available_modules", "available_modules([kind]): the sorted names of the importable modules: kind \"standard\", \"ml\", or both when omitted", modules::available_modules),
    ("has_module", "has_module(name): whether `import name;` in the main file would find a module", modules::has_module),
    ("module_info", "module_info(name): an object describing the module name (name, type, file_path, loaded, functions), or null", modules::module_info),
    // §14.6 Capability introspection (see builtins/capabilities.rs)
    ("hasCapability", "hasCapability(name): whether the capability name is permitted for at least one resource", capabilities::has_capability),
    ("getCapabilities", "getCapabilities(): the sorted names of the permitted capabilities", capabilities::get_capabilities),
    ("getCapabilityInfo", "getCapabilityInfo(name): an object describing the permitted capability name (type, available, granted, declared), or null", capabilities::get_capability_info),
    ("requiredCapabilities", "requiredCapabilities(f): the sorted capabilities that calls of the function f can need", capabilities::required_capabilities),
];

#[cfg(test)]
mod tests {
    use super::BUILTINS;

    #[test]
    fn there_are_46_distinct_builtins() {
        let mut names: Vec<&str> = BUILTINS.iter().map(|b| b.0).collect();
        assert_eq!(names.len(), 46);
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 46);
    }

    #[test]
    fn every_doc_starts_with_the_name() {
        for (name, doc, _) in BUILTINS {
            assert!(doc.starts_with(&format!("{name}(")), "{name}: {doc}");
        }
    }
}
