//! Tests of the hints that know the modules (`modules.rs`, the import hint of `names.rs`),
//! with a small catalog standing in for the runtime's declarations.

use mlpy_syntax::{parse, SourceFile};

use crate::modules::{ModuleCatalog, Receiver};
use crate::suggest::closest_member;
use crate::tests::{render, PRELUDE};
use crate::{analyze_with_modules, AnalysisOptions};

struct Fake;

const MATH: &[&str] = &["sqrt", "floor", "pi"];
const RANDOM: &[&str] = &["setSeed", "random"];

fn members(module: &str) -> &'static [&'static str] {
    match module {
        "math" => MATH,
        "random" => RANDOM,
        _ => &[],
    }
}

impl ModuleCatalog for Fake {
    fn is_module(&self, name: &str) -> bool {
        matches!(name, "math" | "random")
    }
    fn has_member(&self, module: &str, member: &str) -> bool {
        members(module).contains(&member)
    }
    fn nearest_member(&self, module: &str, member: &str) -> Option<String> {
        closest_member(member, members(module).iter().copied()).map(str::to_owned)
    }
    fn has_method(&self, receiver: Receiver, name: &str) -> bool {
        name == "length" || (receiver == Receiver::String && name == "upper")
    }
    fn method_help(&self, receiver: Receiver, name: &str) -> Option<String> {
        (receiver == Receiver::Array && name == "map").then(|| "use functional.map".to_owned())
    }
}

#[track_caller]
fn check(src: &str, expect: &[&str]) {
    let file = SourceFile::new("t.ml", src);
    let parsed = parse(&file);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let res = analyze_with_modules(&parsed.module, &AnalysisOptions { prelude: PRELUDE }, &Fake);
    let actual: Vec<String> = res.iter().map(|d| render(&file, d)).collect();
    assert_eq!(actual, expect, "source:\n{src}");
}

#[test]
fn a_module_before_a_dot_without_its_import() {
    check(
        "print(math.sqrt(2));",
        &["1:7 NameError unknown identifier `math`; help: `math` is a standard module: add `import math;` at the top of the file"],
    );
    // Not before a dot, or not a module: the ordinary check.
    check("print(math);", &["1:7 NameError unknown identifier `math`"]);
    check("print(maths.sqrt(2));", &["1:7 NameError unknown identifier `maths`"]);
    check("import math;\nprint(math.sqrt(2));", &[]);
    check(
        "import math as m;\nprint(math.sqrt(2));",
        &["2:7 NameError unknown identifier `math`; help: `math` is imported as `m`: write `m.sqrt`"],
    );
}

#[test]
fn unknown_members_of_imported_modules() {
    check(
        "import random;\nrandom.seed(1);\nx = random.random();",
        &["2:8 warning AttributeError module `random` has no member `seed`; help: did you mean `random.setSeed`?"],
    );
    check(
        "import math as m;\nprint(m.sqroot(2), m.pi, m.tau);",
        &[
            "2:9 warning AttributeError module `math` (imported as `m`) has no member `sqroot`; help: did you mean `m.sqrt`?",
            "2:28 warning AttributeError module `math` (imported as `m`) has no member `tau`; help: `help(m)` lists the module's functions",
        ],
    );
    // Inside functions, through the enclosing scope.
    check(
        "import math;\nfunction f() { return math.flor(1.5); }",
        &["2:28 warning AttributeError module `math` has no member `flor`; help: did you mean `math.floor`?"],
    );
}

#[test]
fn names_that_are_not_only_an_import_are_left_to_the_run() {
    // Reassigned, anywhere in its scope.
    check("import math;\nmath.nope;\nmath = {nope: 1};", &[]);
    // Through `nonlocal`.
    check("import math;\nfunction f() { nonlocal math; math = 1; }\nmath.nope;", &[]);
    // Shadowed by a parameter or a local.
    check("import math;\nfunction f(math) { return math.nope; }", &[]);
    check("import math;\nfunction f() { math = {}; return math.nope; }", &[]);
    check("import math;\ntry { x = 1; } except (math) { print(math.nope); }", &[]);
    // Two imports under one name.
    check("import math as m;\nimport random as m;\nm.nope;", &[]);
    // Assigning a member is a TypeError of its own, not an unknown member.
    check("import math;\nmath.tau = 6.28;", &[]);
    // Not a standard module.
    check("x = {a: 1};\nprint(x.b);", &[]);
}

#[test]
fn methods_of_literals() {
    check(
        "print([1, 2].map(fn(x) => x));",
        &["1:14 warning AttributeError array has no method `map`; help: use functional.map"],
    );
    check("print(\"a\".upper(), \"a\".length, [1].length);", &[]);
    check("print(\"a\".shout());", &["1:11 warning AttributeError string has no method `shout`"]);
    // Not a literal: unknown statically.
    check("xs = [1];\nprint(xs.map(1));", &[]);
}
