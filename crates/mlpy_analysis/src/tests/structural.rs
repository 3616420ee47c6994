//! Tests of the structural checks (spec §3.4).

use crate::tests::{check, check_codes};

const OUTSIDE_FUNCTION_LOOP: &str = "a loop outside the enclosing function does not count; \
                                     return a value and test it in the loop instead";

#[test]
fn break_and_continue_at_top_level() {
    check("break;", &["1:1 SyntaxError `break` outside of a loop"]);
    check("continue;", &["1:1 SyntaxError `continue` outside of a loop"]);
    check(
        "if (true) {\n    break;\n} else {\n    continue;\n}",
        &[
            "2:5 SyntaxError `break` outside of a loop",
            "4:5 SyntaxError `continue` outside of a loop",
        ],
    );
}

#[test]
fn break_and_continue_inside_loops() {
    check("while (true) { break; continue; }", &[]);
    check("for (x in [1, 2]) { if (x == 1) { continue; } elif (x) { break; } }", &[]);
    check("while (true) { for (x in []) { break; } continue; }", &[]);
    check("while (true) { try { break; } except (e) { continue; } }", &[]);
    check("function f() { while (true) { break; } }", &[]);
    check("g = fn() => { for (x in []) { continue; } };", &[]);
}

#[test]
fn break_in_finally_inside_loop() {
    check("while (true) { try { x = 1; } finally { break; } }", &[]);
    check("for (i in [1]) { try { } finally { continue; } }", &[]);
    check("try { } finally { break; }", &["1:19 SyntaxError `break` outside of a loop"]);
}

#[test]
fn loops_of_enclosing_functions_do_not_count() {
    check(
        "while (true) {\n    function f() { break; }\n}",
        &[&format!("2:20 SyntaxError `break` outside of a loop; help: {OUTSIDE_FUNCTION_LOOP}")],
    );
    check(
        "for (i in [1]) {\n    g = fn() => { continue; };\n}",
        &[&format!("2:19 SyntaxError `continue` outside of a loop; help: {OUTSIDE_FUNCTION_LOOP}")],
    );
    check(
        "function f() {\n    while (true) { break; }\n    continue;\n}",
        &["3:5 SyntaxError `continue` outside of a loop"],
    );
    // A loop inside the function after a nested function ends does not leak into it.
    check_codes(
        "function f() { while (true) { function g() { break; } break; } break; }",
        &["1:46 SyntaxError", "1:64 SyntaxError"],
    );
}

#[test]
fn nonlocal_at_top_level() {
    let help = "help: `nonlocal` belongs in a function; at the top level, assign the variable \
                directly";
    check(
        "x = 1;\nnonlocal x;",
        &[&format!("2:1 SyntaxError `nonlocal` at the top level of a file; {help}")],
    );
    check_codes("x = 1; if (x) { while (true) { nonlocal x; } }", &["1:32 SyntaxError"]);
    check_codes("try { } except (e) { nonlocal e; }", &["1:22 SyntaxError"]);
}

#[test]
fn nonlocal_resolved() {
    // §16.8.
    check(
        "count = 0;\n\
         function bump() {\n    nonlocal count;\n    count = count + 1;\n    return count;\n}\n\
         function makeCounter() {\n    n = 0;\n    return fn() => {\n        nonlocal n;\n        \
         n = n + 1;\n        return n;\n    };\n}",
        &[],
    );
    // The binding may come textually later in the enclosing scope.
    check("function f() { nonlocal late; late = 2; }\nlate = 1;", &[]);
    // Bindings of every kind in the enclosing scopes count.
    check("for (i in []) { }\nfunction f() { nonlocal i; }", &[]);
    check("[a, b] = [1, 2];\nfunction f() { nonlocal a, b; }", &[]);
    check("function g() { }\nfunction f() { nonlocal g; }", &[]);
    check("import math;\nfunction f() { nonlocal math; }", &[]);
    check("function outer(p) { function inner() { nonlocal p; p = 1; } }", &[]);
    // Through an intermediate function that declares it nonlocal itself.
    check("n = 1;\nfunction a() { nonlocal n; function b() { nonlocal n; } }", &[]);
    // Through an intermediate function that does not bind it.
    check("function a() { n = 1; function b() { function c() { nonlocal n; } } }", &[]);
    // An enclosing exception scope.
    check("try { } except (e) { function f() { nonlocal e; e = 1; } }", &[]);
}

#[test]
fn nonlocal_without_binding() {
    check(
        "function f() {\n    nonlocal total;\n}",
        &["2:14 SyntaxError no binding for nonlocal `total` found in an enclosing scope; \
           help: `nonlocal` refers to a variable assigned in an enclosing function or at the \
           top level of the file; assign `total` there first"],
    );
    // The prelude does not count.
    check(
        "function f() { nonlocal print; }",
        &["1:25 SyntaxError no binding for nonlocal `print` found in an enclosing scope; \
           help: `print` is a builtin, and `nonlocal` never refers to builtins; assign `print` \
           without `nonlocal` to make a variable of this function"],
    );
    // A sibling function's local does not count.
    check_codes("function a() { n = 1; }\nfunction b() { nonlocal n; }", &["2:25 SyntaxError"]);
    // Nor a binding of the function's own scope, nor one of a nested function.
    check_codes("function f() { nonlocal q; q = 1; }", &["1:25 SyntaxError"]);
    check_codes("function f() { function g() { q = 1; } nonlocal q; }", &["1:49 SyntaxError"]);
    // An exception scope only covers its clause's block.
    check_codes("try { } except (e) { }\nfunction f() { nonlocal e; }", &["2:25 SyntaxError"]);
    // An outer function that declares it nonlocal does not bind it.
    check_codes(
        "function a() { nonlocal n; n = 1; function b() { nonlocal n; } }",
        &["1:25 SyntaxError", "1:59 SyntaxError"],
    );
    // A suggestion from the enclosing scopes.
    check(
        "count = 0;\nfunction f() { nonlocal cont; }",
        &["2:25 SyntaxError no binding for nonlocal `cont` found in an enclosing scope; \
           help: did you mean `count`?"],
    );
}

#[test]
fn nonlocal_of_a_parameter() {
    check(
        "x = 1;\nfunction f(x) { nonlocal x; }",
        &["2:26 SyntaxError `x` is a parameter of function `f` and cannot be nonlocal; \
           label 2:12: parameter declared here"],
    );
    check_codes("x = 1;\ng = fn(a, x) => { nonlocal x; };", &["2:28 SyntaxError"]);
}

#[test]
fn nonlocal_after_a_use() {
    check(
        "x = 1;\nfunction f() {\n    y = x;\n    nonlocal x;\n}",
        &["4:14 SyntaxError `x` is used before its `nonlocal` declaration; \
           label 3:9: first used here; help: move `nonlocal x;` to the start of the function"],
    );
    check_codes("x = 1;\nfunction f() { x = 2; nonlocal x; }", &["2:32 SyntaxError"]);
    check_codes("x = 1;\nfunction f() { print(x); nonlocal x; }", &["2:35 SyntaxError"]);
    check_codes("x = 1;\nfunction f() { x(); nonlocal x; }", &["2:30 SyntaxError"]);
    check_codes("x = 1;\nfunction f() { for (x in []) { } nonlocal x; }", &["2:43 SyntaxError"]);
    check_codes("x = 1;\nfunction f() { function x() { } nonlocal x; }", &["2:42 SyntaxError"]);
    // A use inside a nested function is not a use in this function.
    check("x = 1;\nfunction f() { g = fn() => x; nonlocal x; }", &[]);
    // Member names and object keys are not uses.
    check("x = 1;\nfunction f() { o = {x: 1}; print(o.x); nonlocal x; }", &[]);
    // Uses after the declaration are fine, and so is a repeated declaration before them;
    // a repeated declaration after a use is an error, as in Python.
    check("x = 1;\nfunction f() { nonlocal x; nonlocal x; x = x + 1; }", &[]);
    check_codes(
        "x = 1;\nfunction f() { nonlocal x; x = x + 1; nonlocal x; }",
        &["2:48 SyntaxError"],
    );
}

#[test]
fn duplicate_parameters() {
    check(
        "function f(a, b, a) { return a; }",
        &["1:18 SyntaxError duplicate parameter `a` in function `f`; label 1:12: first declared \
           here"],
    );
    check(
        "g = fn(x, x) => x;",
        &["1:11 SyntaxError duplicate parameter `x` in an arrow function; label 1:8: first \
           declared here"],
    );
    check_codes("function f(a, a, a) { }", &["1:15 SyntaxError", "1:18 SyntaxError"]);
    check("function f(a, b: a) { return a; }", &[]);
}
