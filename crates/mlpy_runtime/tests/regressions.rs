//! Regression tests for the compiler defects of issue 8, each a table of programs and
//! their expected output (`!Kind` marks an uncaught error). Every program also runs
//! without fast paths, which must agree.

mod support;

/// Defect 1: a call compiled into the assigned variable's register before its arguments
/// were evaluated.
#[test]
fn defect_1_call_into_the_target_register() {
    support::check_table(&[
        (
            "function f(s, sub) { i = 0; i = s.find(sub, i + 1); return i; } print(f(\"abcabc\", \"b\"));",
            "1\n",
        ),
        ("x = 5; x = abs(x - 10); print(x);", "5\n"),
        ("o = {f: fn(v) => v + 1}; x = 1; x = o.f(x); print(x); print(o.f(1));", "2\n2\n"),
        ("function g(a, b) { return a * b; } r = 3; r = g(r, 2); print(r);", "6\n"),
        ("s = \"ab\"; s = \"-\".join([s, s]); print(s);", "ab-ab\n"),
        (
            "function concat(a, b) { return a + b; } result = [1]; other = [2]; \
             for (i in range(3)) { result = concat(result, other); } print(result);",
            "[1, 2, 2, 2]\n",
        ),
        ("function f(n) { n = max(n, 10); return n; } print(f(3));", "10\n"),
        ("function f(a) { if (a) { a = str(a); } return a; } print(f(7));", "7\n"),
        ("x = [3, 1, 2]; x = sorted(x); print(x);", "[1, 2, 3]\n"),
        ("x = \"a,b\"; x = x.split(\",\"); print(x);", "[\"a\", \"b\"]\n"),
    ]);
}

/// Defect 2: a function defined in a `finally` block (compiled once per exit path) lost
/// its scope in all copies but the first.
#[test]
fn defect_2_functions_in_finally_blocks() {
    support::check_table(&[
        (
            "try { print(\"ok\"); } finally { function g() { y = 5; return y; } print(g()); }",
            "ok\n5\n",
        ),
        (
            "try { throw {message: \"x\"}; } finally { function g() { y = 5; return y; } print(g()); }",
            "5\n!UserError\n",
        ),
        (
            "for (i in [1, 2]) { try { if (i == 1) { continue; } print(i); } \
             finally { function g(a) { y = a * 10; return y; } print(g(i)); } }",
            "10\n2\n20\n",
        ),
        (
            "for (i in [1, 2]) { try { break; } finally { h = fn(a) => a + 1; print(h(i)); } }",
            "2\n",
        ),
        (
            "function f() { try { return 1; } finally { function g(a, b) { return a + b; } print(g(2, 3)); } } print(f());",
            "5\n1\n",
        ),
        (
            "function f() { for (k in [1]) { try { continue; } finally { \
             try { throw {message: \"m\"}; } except (e) { q = fn() => e.message; print(q()); } } } } f();",
            "m\n",
        ),
        (
            "function f() { try { return 0; } finally { \
             try { throw {message: \"n\"}; } except (e) { function q() { return e.message; } print(q()); } } } print(f());",
            "n\n0\n",
        ),
        (
            "x = 0; try { try { throw {message: \"a\"}; } finally { \
             function g() { nonlocal x; x = x + 1; return x; } g(); } } except (e) { print(x); }",
            "1\n",
        ),
    ]);
}

/// Defect 3: destructuring whose source is one of the names it binds (the value is
/// evaluated once, spec §6.3).
#[test]
fn defect_3_destructuring_its_own_source() {
    support::check_table(&[
        ("o = {o: {x: 5}, x: 1}; {o, x} = o; print(x); print(o);", "1\n{\"x\": 5}\n"),
        ("o = {x: 1, o: 2}; {x, o} = o; print(x, o);", "1 2\n"),
        (
            "function f(o) { {o, x} = o; return x; } print(f({o: {x: 5}, x: 1}));",
            "1\n",
        ),
        ("a = [[9], 2]; [a, b] = a; print(a, b);", "[9] 2\n"),
        ("a = [1, 2]; [b, a] = a; print(a, b);", "2 1\n"),
        ("a = 1; b = 2; [a, b] = [b, a]; print(a, b);", "2 1\n"),
        ("x = \"xy\"; [x, y] = x; print(x, y);", "x y\n"),
        (
            "try { throw {message: \"m\", e: 7, k: 3}; } except (e) { {k, e} = e; print(e, k); }",
            "7 3\n",
        ),
        (
            "o = {a: 1, o: 2}; try { {o, a, zz} = o; } except (e) { print(typeof(e)); } print(o, a);",
            "object\n2 1\n",
        ),
    ]);
}

/// The compiler never panics, also on programs that the static checks reject (the
/// differential tester and the fuzzers compile without them): every conformance case is
/// compiled both ways without its static checks.
#[test]
fn compiling_without_the_static_checks_never_panics() {
    use mlpy_runtime::builtins::BuiltinTable;
    use mlpy_runtime::compiler::{compile_module, CompileContext, CompileOptions};
    use std::rc::Rc;

    fn visit(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("a readable directory") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                visit(&path, out);
            } else if path.extension().is_some_and(|e| e == "ml") {
                out.push(path);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance");
    let mut files = Vec::new();
    visit(&root, &mut files);
    assert!(files.len() > 100, "the conformance suite is missing");
    let builtins = BuiltinTable::new();
    for path in files {
        // A few cases are deliberately not UTF-8 (the loader rejects them).
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let file = Rc::new(mlpy_syntax::SourceFile::new(path.display().to_string(), text));
        let parsed = mlpy_syntax::parse(&file);
        for fast_paths in [true, false] {
            let ctx = CompileContext {
                prelude: &builtins,
                import_index: &mut |_| 0,
                is_imported_module: false,
                options: CompileOptions { fast_paths },
            };
            // Either verified bytecode or a diagnostic; a panic fails the test.
            let _ = compile_module(&parsed.module, file.clone(), ctx);
        }
    }
}
