//! Tests of the security rules SEC001–SEC007 (spec §15).

use crate::tests::{check, check_codes, findings};

#[test]
fn full_rendering() {
    check(
        "eval(\"1 + 1\");",
        &["1:1 SecurityError SEC001 `eval` is forbidden: ML code cannot run code built at run \
           time; help: write the code directly; to call a function held in a variable, use \
           `call(f, …)`"],
    );
    // A name rejected by a security rule is not reported again as unknown; other unknown
    // names are.
    check_codes("x = eval(y);", &["1:5 SEC001", "1:10 NameError"]);
    let (_, res) = findings("x = o.__class__;");
    assert_eq!(res[0].rule, Some(("SEC002", "dunder-name")));
    assert_eq!(res[0].message, "the member name `__class__` begins with two underscores");
}

#[test]
fn dynamic_eval() {
    // The rules are syntactic: bound or not, called or not.
    check_codes("eval = 1;\nx = eval;", &["1:1 SEC001", "2:5 SEC001"]);
    check_codes(
        "exec = 1; execfile = 2; compile = 3;",
        &["1:1 SEC001", "1:11 SEC001", "1:25 SEC001"],
    );
    check_codes("function compile(eval) { }", &["1:10 SEC001", "1:18 SEC001"]);
    check_codes("for (exec in []) { }", &["1:6 SEC001"]);
    check_codes("[eval, b] = [1, 2];", &["1:2 SEC001"]);
    check_codes("try { } except (exec) { }", &["1:17 SEC001"]);
    check_codes("import math as eval;", &["1:16 SEC001"]);
    check_codes("eval = 1;\nfunction f() { nonlocal eval; }", &["1:1 SEC001", "2:25 SEC001"]);
    // Member names, object keys, annotations and capability names are not occurrences.
    check_codes("o = {eval: 1};\nprint(o.eval, o.exec());", &[]);
    check_codes("function f(a: eval) { return a; }", &[]);
    check_codes("capability eval { allow read; }", &[]);
    // Longer names that merely contain a forbidden one.
    check_codes("evaluate = 1; my_exec = 2; compiler = 3;", &[]);
}

#[test]
fn dunder_name() {
    check_codes("__x = 1;", &["1:1 SEC002"]);
    check_codes("x = o.__class__;", &["1:7 SEC002", "1:5 NameError"]);
    check_codes("o = {};\no.__init__();", &["2:3 SEC002"]);
    check_codes("o = {};\no.__dict__ = 1;", &["2:3 SEC002"]);
    check_codes("function f(__a) { }", &["1:12 SEC002"]);
    check_codes("import __future__;", &["1:8 SEC002"]);
    check_codes("o = {__proto__: 1};", &[]);
    check_codes("_x = 1; x__ = 2; o = {}; o._y = 3;", &[]);
}

#[test]
fn reflection_builtin() {
    check_codes(
        "globals(); locals(); vars(); dir(); delattr();",
        &["1:1 SEC003", "1:12 SEC003", "1:22 SEC003", "1:30 SEC003", "1:37 SEC003"],
    );
    check_codes("dir = \"/tmp\";", &["1:1 SEC003"]);
    check_codes("o = {};\nprint(o.dir, o.vars());", &[]);
}

#[test]
fn unsafe_builtin() {
    check_codes(
        "open = 1; exit = 2; quit = 3; copyright = 4; credits = 5; license = 6; raw_input = 7;",
        &[
            "1:1 SEC004",
            "1:11 SEC004",
            "1:21 SEC004",
            "1:31 SEC004",
            "1:46 SEC004",
            "1:59 SEC004",
            "1:72 SEC004",
        ],
    );
    // A call of the bare identifier `file`; the `file` module is allowed.
    check_codes("file = 1;\nfile(\"x\");", &["2:1 SEC004"]);
    check_codes("import file;\nprint(file.read(\"x\"));\nf = file;", &[]);
    check_codes("o = {};\nprint(o.open, o.exit());", &[]);
}

#[test]
fn forbidden_import() {
    check(
        "import os;",
        &["1:8 SecurityError SEC005 importing the host module `os` is forbidden; help: use the \
           standard modules of ML (`file`, `path`, `env`, `json`, …), whose effects are checked \
           against the granted capabilities"],
    );
    check_codes("import os.path as p;", &["1:8 SEC005"]);
    for module in [
        "os",
        "sys",
        "subprocess",
        "shutil",
        "pickle",
        "marshal",
        "imp",
        "importlib",
        "types",
        "inspect",
        "gc",
        "ctypes",
        "builtins",
    ] {
        check_codes(&format!("import {module};"), &["1:8 SEC005"]);
        check_codes(&format!("import {module}.x.y;"), &["1:8 SEC005"]);
    }
    check_codes("import __builtin__;", &["1:8 SEC002", "1:8 SEC005"]);
    check_codes("import osx; import system; import mylib.os; import sys_utils;", &[]);
}

#[test]
fn suspicious_string() {
    check(
        "s = \"reopen(x)\";",
        &["1:5 warning SecurityError SEC006 string literal contains `open(`, which looks like \
           code; help: strings are never executed; if the text is intended, this warning can \
           be ignored"],
    );
    check_codes("s = 'EVAL (1)';", &["1:5 SEC006 warning"]);
    check_codes("s = \"exec\\t\\n(\";", &["1:5 SEC006 warning"]);
    check_codes("s = \"eval\\x28\";", &["1:5 SEC006 warning"]);
    check_codes("print(\"__import__('os')\");", &["1:7 SEC006 warning"]);
    check_codes(
        "x = [\"os.system ('ls')\", \"subprocess.run\"];",
        &["1:6 SEC006 warning", "1:26 SEC006 warning"],
    );
    check_codes("x = {k: \"Open(\"};", &["1:9 SEC006 warning"]);
    check_codes("f = fn() => \"eval(\";", &["1:13 SEC006 warning"]);
    check_codes("s = \"evaluate(x)\"; t = \"os_system(\"; u = \"subprocess\"; v = \"open\";", &[]);
    // Object keys are not string literals; capability declarations are not checked.
    check_codes("x = {\"eval(\": 1};", &[]);
    check_codes("capability C { resource \"eval(x)\"; allow read \"open(\"; }", &[]);
}

#[test]
fn unrestricted_capability() {
    check(
        "capability Everything {\n    resource \"*\";\n    allow read;\n}",
        &["2:5 SecurityError SEC007 `resource \"*\"` in capability `Everything` matches every \
           resource; help: list the resources the program needs, for example \
           `resource \"data/*.json\";`"],
    );
    check_codes("capability C { resource \"**\"; }", &["1:16 SEC007"]);
    check(
        "capability C { allow system; }",
        &["1:16 SecurityError SEC007 `allow system` without a target allows every resource; \
           help: name the environment variables, for example `allow system \"HOME\";`"],
    );
    check_codes("capability C { allow system \"*\"; }", &["1:29 SEC007"]);
    check_codes("capability C { allow execute; }", &["1:16 SEC007"]);
    check_codes("capability C { allow execute \"*\"; }", &["1:30 SEC007"]);
    check_codes(
        "capability C {\n\
             resource \"data/**\";\n\
             allow read;\n\
             allow write \"*\";\n\
             allow network;\n\
             allow system \"HOME\";\n\
             allow system \"APP_*\";\n\
             allow execute \"/bin/true\";\n\
         }",
        &[],
    );
}
