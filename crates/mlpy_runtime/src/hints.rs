//! Hints that know the modules and the built-in kinds' methods, shared by the runtime's
//! `AttributeError`s and the static checks (`mlpy_analysis::modules`, through `CATALOG`):
//! the member of a module nearest to an unknown one (`random.seed` → `random.setSeed`),
//! the nearest string or array method, and for an array the `functional` function that
//! does what another language's array method does (`[1, 2].map(f)` →
//! `functional.map(f, arr)`).
//!
//! Everything is read from the declarations (`stdlib::MODULES`, the method tables), so a
//! new standard module is covered without a list of its own. A module's constants are
//! known only by building them; they are built at most once per thread, and only when a
//! name is not one of the module's functions.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use mlpy_analysis::modules::{ModuleCatalog, Receiver};
use mlpy_analysis::suggest::closest_member;

use crate::methods::{ARRAY_METHODS, STRING_METHODS};
use crate::stdlib;

/// The standard modules and methods of this version, for the static checks.
pub static CATALOG: Catalog = Catalog;

/// See `CATALOG`.
#[derive(Debug)]
pub struct Catalog;

impl ModuleCatalog for Catalog {
    fn is_module(&self, name: &str) -> bool {
        stdlib::is_available(name)
    }

    fn has_member(&self, module: &str, member: &str) -> bool {
        let Some(decl) = stdlib::declaration(module) else { return false };
        decl.function(member).is_some() || constant_names(decl.name).contains(&member)
    }

    fn nearest_member(&self, module: &str, member: &str) -> Option<String> {
        nearest_member(module, member).map(str::to_owned)
    }

    fn has_method(&self, receiver: Receiver, name: &str) -> bool {
        name == "length" || methods_of(receiver).contains(&name)
    }

    fn method_help(&self, receiver: Receiver, name: &str) -> Option<String> {
        method_help(receiver, name)
    }
}

/// Every member of the standard module `module` (functions, then constants), in
/// declaration order; `None` when this version does not provide it.
pub fn member_names(module: &str) -> Option<Vec<&'static str>> {
    let decl = stdlib::declaration(module)?;
    let mut names: Vec<&'static str> = decl.functions.iter().map(|f| f.name).collect();
    names.extend(constant_names(decl.name).iter().copied());
    Some(names)
}

/// The member of the standard module `module` nearest to the unknown `member`.
pub fn nearest_member(module: &str, member: &str) -> Option<&'static str> {
    let names = member_names(module)?;
    closest_member(member, names.iter().copied())
}

/// The names of a module's constants, built once per thread (they are values, made only
/// when the module is built; most lookups never get here).
fn constant_names(module: &'static str) -> Rc<[&'static str]> {
    thread_local! {
        static NAMES: RefCell<HashMap<&'static str, Rc<[&'static str]>>> =
            RefCell::new(HashMap::new());
    }
    if let Some(names) = NAMES.with(|n| n.borrow().get(module).cloned()) {
        return names;
    }
    let names: Rc<[&'static str]> = match stdlib::declaration(module) {
        Some(decl) => (decl.constants)().into_iter().map(|(name, _)| name).collect(),
        None => Rc::from(Vec::new()),
    };
    NAMES.with(|n| n.borrow_mut().insert(module, names.clone()));
    names
}

/// The sorted method names of strings or arrays (spec §10).
fn methods_of(receiver: Receiver) -> &'static [&'static str] {
    match receiver {
        Receiver::String => STRING_METHODS,
        Receiver::Array => ARRAY_METHODS,
    }
}

/// Methods of other languages and what ML writes instead.
const FOREIGN_METHODS: &[(Receiver, &str, &str)] = &[
    (Receiver::Array, "push", "use `arr.append(x)`"),
    (Receiver::Array, "indexOf", "use `arr.index(x)`"),
    (Receiver::Array, "concat", "use `arr + other`, or `arr.extend(other)` to change `arr`"),
    (Receiver::Array, "join", "`join` is a string method: `sep.join(arr)`"),
    (Receiver::Array, "includes", "use `arr.count(x) > 0`"),
    (Receiver::Array, "contains", "use `arr.count(x) > 0`"),
    (Receiver::Array, "slice", "use slicing: `arr[start:end]`"),
    (Receiver::String, "toUpperCase", "use `s.upper()`"),
    (Receiver::String, "toLowerCase", "use `s.lower()`"),
    (Receiver::String, "trim", "use `s.strip()`"),
    (Receiver::String, "trimStart", "use `s.lstrip()`"),
    (Receiver::String, "trimEnd", "use `s.rstrip()`"),
    (Receiver::String, "indexOf", "use `s.find(sub)`"),
    (Receiver::String, "includes", "use `s.find(sub) >= 0`"),
    (Receiver::String, "contains", "use `s.find(sub) >= 0`"),
    (Receiver::String, "charAt", "use indexing: `s[i]`"),
    (Receiver::String, "substring", "use slicing: `s[start:end]`"),
    (Receiver::String, "slice", "use slicing: `s[start:end]`"),
    (Receiver::String, "format", "use the builtin `format(value, spec)` or `+` with `str(x)`"),
];

/// A help line for the method `name` that strings or arrays do not have: for an array,
/// the `functional` function of that name that takes the items (`functional.map(f, arr)`,
/// in its declared parameter order); a well-known method of another language; or the
/// nearest method.
pub fn method_help(receiver: Receiver, name: &str) -> Option<String> {
    if receiver == Receiver::Array {
        if let Some(help) = functional_help(name) {
            return Some(help);
        }
    }
    if let Some((_, _, help)) =
        FOREIGN_METHODS.iter().find(|(r, n, _)| *r == receiver && *n == name)
    {
        return Some((*help).to_owned());
    }
    let near = closest_member(name, methods_of(receiver).iter().copied().chain(["length"]))?;
    Some(if near == "length" {
        "did you mean `length`? (a property: read it without `()`)".to_owned()
    } else {
        format!("did you mean `{near}`?")
    })
}

/// `use `functional.map(f, arr)` (after `import functional;`)` when `functional` has a
/// function `name` that takes the items.
fn functional_help(name: &str) -> Option<String> {
    let decl = stdlib::declaration("functional")?.function(name)?;
    if !decl.params.iter().any(|p| p.name == "items") {
        return None;
    }
    let signature = decl.signature().replacen("items", "arr", 1);
    Some(format!("use `functional.{signature}` (after `import functional;`)"))
}

/// " did you mean …" text for an `AttributeError` about the member `name` that `members`
/// (in declaration order) lacks; empty when nothing is near. `qualify` names the owner
/// (`random.`), or is empty.
pub(crate) fn did_you_mean<'a>(
    name: &str,
    members: impl IntoIterator<Item = &'a str> + Clone,
    qualify: &str,
) -> String {
    match closest_member(name, members) {
        Some(near) => format!("; did you mean `{qualify}{near}`?"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_name_the_nearest_member_and_functional() {
        assert_eq!(nearest_member("random", "seed"), Some("setSeed"));
        assert_eq!(nearest_member("math", "sqroot"), Some("sqrt"));
        assert_eq!(nearest_member("math", "PI"), Some("pi"));
        assert_eq!(nearest_member("nonesuch", "x"), None);
        assert_eq!(
            method_help(Receiver::Array, "map").as_deref(),
            Some("use `functional.map(f, arr)` (after `import functional;`)")
        );
        assert_eq!(
            method_help(Receiver::Array, "reduce").as_deref(),
            Some("use `functional.reduce(f, arr[, initial])` (after `import functional;`)")
        );
        assert_eq!(method_help(Receiver::String, "uper").as_deref(), Some("did you mean `upper`?"));
        assert_eq!(method_help(Receiver::Array, "push").as_deref(), Some("use `arr.append(x)`"));
        assert!(CATALOG.has_member("math", "pi") && !CATALOG.has_member("math", "tau"));
        assert!(CATALOG.has_method(Receiver::String, "length"));
    }
}
