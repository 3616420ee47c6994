//! Tests of the static name check (spec §7), with its suggestions.

use crate::tests::{check, check_codes};

#[test]
fn spec_examples() {
    // §7.4: bindings belong to whole scopes, regardless of textual order.
    check("function f() { return limit; } limit = 5; print(f());", &[]);
    check("x = y; y = 1;", &[]);
    check("print(undefined);", &["1:7 NameError unknown identifier `undefined`"]);
    check("undefined = null;\nprint(undefined);", &[]);
    // §7.3: a name assigned anywhere in a function is local to the whole body.
    check("x = 5; function f() { y = x; x = 3; }", &[]);
}

#[test]
fn suggestions() {
    check(
        "count = 0;\nprint(cout);",
        &["2:7 NameError unknown identifier `cout`; help: did you mean `count`?"],
    );
    check("pritn(1);", &["1:1 NameError unknown identifier `pritn`; help: did you mean `print`?"]);
    check(
        "total = 1;\ntotals = 2;\nprint(totl);",
        &["3:7 NameError unknown identifier `totl`; help: did you mean `total`?"],
    );
    check(
        "print(bultin.max(1, 2));",
        &["1:7 NameError unknown identifier `bultin`; help: did you mean `builtin`?"],
    );
    // Names of enclosing function scopes are visible and suggested.
    check(
        "function f(items) {\n    return fn() => len(itemz);\n}",
        &["2:24 NameError unknown identifier `itemz`; help: did you mean `items`?"],
    );
    // Locals of other functions are not visible, so they are not suggested.
    check(
        "function f() { secret = 1; }\nprint(secrt);",
        &["2:7 NameError unknown identifier `secrt`"],
    );
    // Short names get no far-fetched suggestion.
    check("a = 1;\nprint(q);", &["2:7 NameError unknown identifier `q`"]);
}

#[test]
fn every_use_is_reported() {
    check_codes(
        "print(nope, nope);\nfunction f() { return nope(); }",
        &["1:7 NameError", "1:13 NameError", "2:23 NameError"],
    );
}

#[test]
fn builtins_are_shadowable() {
    // §16.6.
    check(
        r#"
function max(a, b) {
    return "mine";
}
print(max(1, 2), builtin.max(1, 2), builtin.max([4, 9, 2]));
function count_items(items) {
    len = 0;
    for (item in items) {
        len = len + 1;
    }
    return len;
}
print(count_items(["a", "b", "c"]), len("abcd"));
str = "shadowed";
print(str, builtin.str(12) + "!", "value: " + 12);
"#,
        &[],
    );
}

#[test]
fn binding_kinds() {
    check(
        "for (i in range(3)) { }\n\
         [a, b] = [1, 2];\n\
         {c} = {c: 3};\n\
         function g() { }\n\
         import math;\n\
         import x.y.z;\n\
         import p.q as alias;\n\
         print(i, a, b, c, g, math, x, alias);",
        &[],
    );
    // Only the alias is bound by `import … as`.
    check_codes("import p.q as alias;\nprint(p);", &["2:7 NameError"]);
    // Index and member targets bind nothing.
    check_codes("o[0] = 1;\nm.k = 2;", &["1:1 NameError", "2:1 NameError"]);
}

#[test]
fn function_scopes() {
    check("function f(n) { return n < 2 ? n : f(n - 1) + f(n - 2); }", &[]);
    check("function f() { print(z); if (false) { z = 1; } }", &[]);
    check("function a() { v = 1; function b() { return v; } return b; }", &[]);
    check("g = fn(n) => n * 2;\nh = fn() => { k = 1; return k; };", &[]);
    check_codes("function a() { w = 1; }\nfunction b() { return w; }", &["2:23 NameError"]);
    check_codes("f = fn(n) => n * m;", &["1:18 NameError"]);
    check_codes("function f(p) { }\nprint(p);", &["2:7 NameError"]);
    check_codes("g = fn() => { inner = 1; };\nprint(inner);", &["2:7 NameError"]);
    // A function's name belongs to the enclosing scope, not to its own.
    check_codes("function outer() { function inner() { } }\ninner();", &["2:1 NameError"]);
}

#[test]
fn nonlocal_names_resolve_outward() {
    check("n = 1;\nfunction f() { nonlocal n; n = n + 1; return n; }", &[]);
    check_codes("function f() { nonlocal q; return q; }", &["1:25 SyntaxError", "1:35 NameError"]);
}

#[test]
fn exception_scopes() {
    check("try { x = 1; } except (e) { print(e, e.message); }", &[]);
    check_codes("try { } except (e) { }\nprint(e);", &["2:7 NameError"]);
    check_codes("try { } except (e) { e = 5; }\nprint(e);", &["2:7 NameError"]);
    check_codes("try { } except { }\nprint(e);", &["2:7 NameError"]);
    check_codes("try { } except (e) { } finally { print(e); }", &["1:40 NameError"]);
    // Every binding form of `e` inside the block binds the exception scope.
    check_codes(
        "try { } except (e) { for (e in [1]) { } [e] = [2]; function e() { } }\nprint(e);",
        &["2:7 NameError"],
    );
    check("e = 1;\ntry { } except (e) { }\nprint(e);", &[]);
    // Functions nested in the clause's block read `e` as an enclosing binding.
    check("try { } except (e) { f = fn() => e; g = fn() => { return e.message; }; }", &[]);
    // A nested function that assigns `e` has its own local `e`.
    check("try { } except (e) { function g() { e = 1; return e; } }", &[]);
    // Bindings of the clause's block other than `e` belong to the enclosing scope.
    check("try { } except (e) { last = e; }\nprint(last);", &[]);
    check("function f() { try { } except (e) { last = e; } return last; }", &[]);
    // Nested clauses: the inner variable shadows the outer one within its block only.
    check("try { } except (a) { try { } except (b) { print(a, b); } print(a); }", &[]);
    check_codes("try { } except (a) { try { } except (b) { } print(b); }", &["1:51 NameError"]);
    check(
        "try { } except (err) { print(er); }",
        &["1:30 NameError unknown identifier `er`; help: did you mean `err`?"],
    );
}

#[test]
fn unchecked_names() {
    // Member names, object keys and parameter annotations are not checked.
    check("o = {nope: 1, \"k\": 2};\nprint(o.nope, o.other, o.method());", &[]);
    check("function f(a: Nope, b: Other) { return a + b; }", &[]);
    check("capability Whatever { allow read; }", &[]);
}
