//! In-process tests of the run loop: fast paths against the general paths they stand for.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use mlpy_syntax::SourceFile;

use crate::builtins::BuiltinTable;
use crate::compiler::{compile_module, CompileContext};
use crate::program::Program;
use crate::vm::{Limits, Vm};

/// A `Write` whose bytes the test reads afterwards.
#[derive(Clone, Default)]
struct Captured(Rc<RefCell<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Compiles and runs `source` (no imports); returns its standard output, followed by
/// `KIND: message` of the uncaught error if there is one.
fn run(source: &str) -> String {
    run_with(source, Limits::default())
}

/// `run` under `limits`.
fn run_with(source: &str, limits: Limits) -> String {
    let file = Rc::new(SourceFile::new("t.ml", source));
    let parsed = mlpy_syntax::parse(&file);
    assert!(
        !parsed.diagnostics.iter().any(|d| d.is_error()),
        "does not parse: {source}\n{:?}",
        parsed.diagnostics
    );
    let builtins = BuiltinTable::new();
    let mut no_imports = |_: &mlpy_syntax::ast::Import| -> u16 { panic!("no imports here") };
    let ctx = CompileContext {
        prelude: &builtins,
        import_index: &mut no_imports,
        is_imported_module: false,
        options: Default::default(),
    };
    let main = compile_module(&parsed.module, file, ctx).expect("compiles");
    let program = Rc::new(Program { main, modules: Vec::new(), imports: Vec::new() });
    let mut vm = Vm::new(program, limits);
    let out = Captured::default();
    vm.set_io(Box::new(out.clone()), Box::new(std::io::sink()), Box::new(std::io::empty()));
    let res = vm.run_main();
    let mut text = String::from_utf8(out.0.borrow().clone()).expect("utf-8 output");
    if let Err(e) = res {
        text.push_str(&format!("{}: {}\n", e.kind().name(), e.message()));
    }
    text
}

/// `for (i in range(ARGS))` (the `RangeInit`/`RangeNext` fast path) and the same loop
/// over the array that the builtin `range(ARGS)` returns, as ML statements printing the
/// items or the error.
fn both_loops(args: &str) -> (String, String) {
    let fast = format!(
        "try {{ for (i in range({args})) {{ print(i); }} print(\"end\"); }} \
         except (e) {{ print(e.type, e.message); }}"
    );
    let slow = format!(
        "try {{ r = range({args}); for (i in r) {{ print(i); }} print(\"end\"); }} \
         except (e) {{ print(e.type, e.message); }}"
    );
    (run(&fast), run(&slow))
}

/// Starts, stops and steps around the edges of `i64` and beyond it, with short ranges
/// (the slow side materialises its array).
fn range_cases() -> Vec<String> {
    let max = i128::from(i64::MAX);
    let min = i128::from(i64::MIN);
    let mut points: Vec<i128> = Vec::new();
    for centre in [min, -1, 0, max, 1 << 64, -(1 << 64), 1 << 80] {
        for d in -3..=3 {
            points.push(centre + d);
        }
    }
    let steps: [i128; 10] = [1, 2, 3, -1, -2, -3, max, min, 1 << 64, -(1 << 64)];
    let mut cases = Vec::new();
    for &start in &points {
        for &stop in &points {
            for &step in &steps {
                // Keep the materialised side small.
                let span = if step > 0 { stop - start } else { start - stop };
                if span / step.abs() > 8 {
                    continue;
                }
                cases.push(format!("{start}, {stop}, {step}"));
            }
            if (stop - start).abs() <= 8 {
                cases.push(format!("{start}, {stop}"));
            }
        }
        if (0..=8).contains(&start) || start < 0 {
            cases.push(format!("{start}"));
        }
    }
    cases
}

#[test]
fn for_range_agrees_with_the_range_builtin() {
    let cases = range_cases();
    assert!(cases.len() > 300, "{} cases", cases.len());
    let mut beyond_i64 = 0;
    for args in &cases {
        let (fast, slow) = both_loops(args);
        assert_eq!(fast, slow, "for (i in range({args}))");
        assert!(fast.ends_with("end\n"), "range({args}): {fast}");
        if fast.lines().any(|l| l.parse::<i64>().is_err() && l != "end") {
            beyond_i64 += 1;
        }
    }
    // The cases do reach items outside the i64 range (where the fast path used to clamp).
    assert!(beyond_i64 > 20, "{beyond_i64} cases with items beyond i64");
}

#[test]
fn for_range_errors_agree_with_the_range_builtin() {
    for args in [
        "0, 5, 0",
        "0, 99999999999999999999999, 0",
        "99999999999999999999999, 0, 0",
        "1.5",
        "0, 2.0",
        "0, 3, 1.0",
        "\"a\", 3",
        "0, null",
        "true, 3",
        "0, [1]",
        "99999999999999999999999, \"x\"",
        "0, 3, 99999999999999999999999 - 99999999999999999999999",
    ] {
        let (fast, slow) = both_loops(args);
        assert_eq!(fast, slow, "for (i in range({args}))");
        assert!(fast.contains("Error"), "range({args}) raises: {fast}");
    }
}

#[test]
fn for_range_beyond_i64_iterates_every_item() {
    let out = run("n = 0; last = null; \
         for (i in range(9223372036854775800, 9223372036854775817)) { n = n + 1; last = i; } \
         print(n, last); \
         for (i in range(-9223372036854775807, -9223372036854775812, -2)) { print(i); }");
    assert_eq!(
        out,
        "17 9223372036854775816\n-9223372036854775807\n-9223372036854775809\n-9223372036854775811\n"
    );
}

#[test]
fn reading_an_unset_captured_variable_unwinds_cleanly() {
    // Defect 5 of issue 8: `LoadCell` borrowed the cell while the error unwound the frame
    // that owned it (a use-after-free under AddressSanitizer).
    let out = run("function f() { print(x); x = 1; g = fn() => x; } \
         for (k in range(3)) { try { f(); } except (e) { print(e.type); } } \
         f();");
    assert_eq!(
        out,
        "NameError\nNameError\nNameError\nNameError: variable `x` is used before it has a value\n"
    );
}

#[test]
fn limits_too_large_to_represent_are_no_limits() {
    let limits = Limits {
        timeout: Some(std::time::Duration::MAX),
        max_memory: Some(u64::MAX),
        ..Limits::default()
    };
    assert_eq!(run_with("i = 0; while (i < 5000) { i = i + 1; } print(i);", limits), "5000\n");
}

#[test]
fn limits_end_the_run_uncaught_and_name_the_limit() {
    let limits = Limits {
        max_memory: Some(1 << 20),
        max_memory_text: Some("1M".to_owned()),
        ..Limits::default()
    };
    let out = run_with(r#"try { s = "ab" * 1000000; } except (e) { print("caught"); }"#, limits);
    assert!(out.starts_with("LimitExceeded: memory limit of 1M exceeded"), "{out}");
    let limits = Limits {
        timeout: Some(std::time::Duration::from_millis(1)),
        timeout_text: Some("1ms".to_owned()),
        ..Limits::default()
    };
    let out = run_with("try { while (true) { } } except (e) { print(\"caught\"); }", limits);
    assert_eq!(out, "LimitExceeded: time limit of 1ms exceeded\n");
}
