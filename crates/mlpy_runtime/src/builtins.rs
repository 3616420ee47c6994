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
use crate::natives::{opt, req, rest, Kinds, NativeDecl, NativeFunction};
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
        for decl in BUILTINS {
            let func = Value::Native(NativeFunction::declared(None, decl));
            module.add(decl.name, ModuleMember::Value(func.clone()));
            names.insert(decl.name, func);
        }
        BuiltinTable { names, module }
    }

    /// The names bound in the prelude (for the static name check).
    pub fn names(&self) -> Vec<&'static str> {
        let mut v: Vec<&'static str> = BUILTINS.iter().map(|b| b.name).collect();
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

/// Every builtin's declaration (`help(builtin)`, tests).
pub fn declarations() -> &'static [NativeDecl] {
    BUILTINS
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

/// What `int` and `float` convert.
const CONVERTIBLE: Kinds = Kinds::BOOL.or(Kinds::NUMBER).or(Kinds::STR);

/// Every builtin, declared (see `natives`): name, parameters, description,
/// implementation.
#[rustfmt::skip]
static BUILTINS: &[NativeDecl] = &[
    NativeDecl::function("int", &[req("v", CONVERTIBLE)], "v converted to an int: booleans give 0 or 1, floats are truncated toward zero, strings are parsed", convert::int),
    NativeDecl::function("float", &[req("v", CONVERTIBLE)], "v converted to a float: booleans give 1.0 or 0.0, ints the nearest float, strings are parsed", convert::float),
    NativeDecl::function("str", &[req("v", Kinds::ANY)], "the display form of v", convert::str_),
    NativeDecl::function("bool", &[req("v", Kinds::ANY)], "the truthiness of v", convert::bool_),
    NativeDecl::function("typeof", &[req("v", Kinds::ANY)], "the kind of v: \"null\", \"boolean\", \"number\", \"string\", \"array\", \"object\", \"function\" or \"module\"", convert::typeof_),
    NativeDecl::function("isinstance", &[req("v", Kinds::ANY), req("name", Kinds::STR)], "whether typeof(v) == name, or v is an int (\"int\"), a float (\"float\"), an error object (\"error\") or a library object of class name", convert::isinstance),
    NativeDecl::function("callable", &[req("v", Kinds::ANY)], "whether v is a function", convert::callable),
    NativeDecl::function("len", &[req("x", Kinds::STR.or(Kinds::ARRAY).or(Kinds::OBJECT))], "the number of characters, items or entries of a string, array or object", collections::len),
    // `range`'s arguments are ints, checked by `range` itself: `for (i in range(…))` runs
    // without calling it and must raise the same error, not knowing which form was written.
    NativeDecl::function("range", &[req("start", Kinds::ANY), opt("stop", Kinds::ANY, ""), opt("step", Kinds::ANY, "1")], "the array of ints from start up to but excluding stop, by step (ints); range(stop) counts from 0", collections::range),
    NativeDecl::function("enumerate", &[req("items", Kinds::ITERABLE), opt("start", Kinds::INT, "0")], "the array of [index, item] pairs of an iterable, indexes counting from start (default 0)", collections::enumerate),
    NativeDecl::function("zip", &[rest("iterables", Kinds::ITERABLE)], "the array of arrays of the first items of every iterable, then the second items, …, as long as the shortest", collections::zip),
    NativeDecl::function("sorted", &[req("items", Kinds::ITERABLE), opt("reverse", Kinds::ANY, "false")], "a new array of the items of an iterable in ascending (or, if reverse is truthy, descending) order, stable", collections::sorted),
    NativeDecl::function("reversed", &[req("items", Kinds::STR.or(Kinds::ARRAY).or(Kinds::OBJECT))], "a new array of the items of an array, string or object in reverse order", collections::reversed),
    NativeDecl::function("keys", &[req("obj", Kinds::OBJECT)], "the array of the object's keys in order", collections::keys),
    NativeDecl::function("values", &[req("obj", Kinds::OBJECT)], "the array of the object's values in key order", collections::values),
    NativeDecl::function("all", &[req("items", Kinds::ITERABLE)], "whether every item of an iterable is truthy (true for none)", collections::all),
    NativeDecl::function("any", &[req("items", Kinds::ITERABLE)], "whether some item of an iterable is truthy (false for none)", collections::any),
    NativeDecl::function("sum", &[req("items", Kinds::ITERABLE), opt("start", Kinds::ANY, "0")], "start (default 0) plus the items of an iterable, floats added with compensated summation; strings are refused", sum::sum),
    NativeDecl::function("iter", &[req("items", Kinds::ITERABLE)], "an Iterator over the items of an array, string or object (keys); an iterator returns itself", collections::iter),
    NativeDecl::function("next", &[req("it", Kinds::ITERATOR), opt("default", Kinds::ANY, "null")], "the next item of the iterator it; when it is exhausted, default if given, else RuntimeError", collections::next),
    NativeDecl::function("abs", &[req("x", Kinds::NUMBER)], "the absolute value of a number", numbers::abs),
    NativeDecl::function("min", &[rest("args", Kinds::ANY)], "the smallest argument, or the smallest item of a single array argument", collections::min),
    NativeDecl::function("max", &[rest("args", Kinds::ANY)], "the largest argument, or the largest item of a single array argument", collections::max),
    NativeDecl::function("round", &[req("x", Kinds::NUMBER), opt("n", Kinds::INT, "0")], "x rounded to n (default 0) decimal places, ties to even; floats stay floats, ints stay ints", numbers::round),
    NativeDecl::function("chr", &[req("i", Kinds::INT)], "the one-character string of code point i", numbers::chr),
    NativeDecl::function("ord", &[req("c", Kinds::STR)], "the code point of the one-character string c", numbers::ord),
    NativeDecl::function("hex", &[req("n", Kinds::INT)], "the int n in base 16 with prefix 0x", numbers::hex),
    NativeDecl::function("bin", &[req("n", Kinds::INT)], "the int n in base 2 with prefix 0b", numbers::bin),
    NativeDecl::function("oct", &[req("n", Kinds::INT)], "the int n in base 8 with prefix 0o", numbers::oct),
    NativeDecl::function("format", &[req("v", Kinds::ANY), opt("spec", Kinds::STR, "\"\"")], "v formatted by the format specification spec (default: the display form)", numbers::format),
    NativeDecl::function("repr", &[req("v", Kinds::ANY)], "the literal form of v (strings quoted)", convert::repr),
    NativeDecl::function("print", &[rest("values", Kinds::ANY)], "writes the display forms separated by spaces and a line feed; returns null", io::print),
    NativeDecl::function("input", &[opt("prompt", Kinds::ANY, "\"\"")], "writes prompt, then reads and returns one line of standard input without its line terminator", io::input),
    NativeDecl::function("hasattr", &[req("v", Kinds::ANY), req("name", Kinds::STR)], "whether v has the member name (an object key, a module member, a method or length)", introspect::hasattr),
    NativeDecl::function("getattr", &[req("v", Kinds::ANY), req("name", Kinds::STR), opt("default", Kinds::ANY, "null")], "the member v.name if v has it, otherwise default (default null)", introspect::getattr),
    NativeDecl::function("call", &[req("f", Kinds::FUNCTION), rest("args", Kinds::ANY)], "calls the function f with the given arguments", introspect::call),
    NativeDecl::function("help", &[req("v", Kinds::ANY)], "a text describing v", introspect::help),
    NativeDecl::function("methods", &[req("v", Kinds::ANY)], "the sorted names that can be called with method syntax on v", introspect::methods),
    NativeDecl::function("modules", &[], "the sorted names of the modules loaded so far, including \"builtin\"", modules::modules),
    NativeDecl::function("available_modules", &[opt("kind", Kinds::STR, "null")], "the sorted names of the importable modules: kind \"standard\", \"ml\", or both when omitted", modules::available_modules),
    NativeDecl::function("has_module", &[req("name", Kinds::STR)], "whether `import name;` in the main file would find a module", modules::has_module),
    NativeDecl::function("module_info", &[req("name", Kinds::STR)], "an object describing the module name (name, type, file_path, loaded, functions), or null", modules::module_info),
    NativeDecl::function("hasCapability", &[req("name", Kinds::STR)], "whether the capability name is permitted for at least one resource", capabilities::has_capability),
    NativeDecl::function("getCapabilities", &[], "the sorted names of the permitted capabilities", capabilities::get_capabilities),
    NativeDecl::function("getCapabilityInfo", &[req("name", Kinds::STR)], "an object describing the permitted capability name (type, available, granted, declared), or null", capabilities::get_capability_info),
    NativeDecl::function("requiredCapabilities", &[req("f", Kinds::FUNCTION)], "the sorted capabilities that calls of the function f can need", capabilities::required_capabilities),
];

#[cfg(test)]
mod tests {
    use super::BUILTINS;

    #[test]
    fn there_are_46_distinct_builtins() {
        let mut names: Vec<&str> = BUILTINS.iter().map(|b| b.name).collect();
        assert_eq!(names.len(), 46);
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 46);
    }

    #[test]
    fn every_builtin_is_a_declared_function() {
        for decl in BUILTINS {
            assert!(!decl.doc.is_empty() && decl.capabilities.is_empty(), "{}", decl.name);
            assert!(decl.signature().starts_with(&format!("{}(", decl.name)));
        }
    }
}
