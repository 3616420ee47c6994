//! The checks behind the fuzz targets, shared by the libFuzzer binaries
//! (`fuzz_targets/*.rs`) and the corpus replay (`tests/replay.rs`), which runs on a stable
//! toolchain without libFuzzer.
//!
//! Each check takes any bytes and panics only when it finds a bug:
//!
//! - [`parse`]: the parser never panics, and its diagnostics point inside the text.
//! - [`compile`]: source → parse → analyse → compile to verified bytecode never panics,
//!   and the compiler never reports an internal error (bytecode its verifier rejects).
//! - [`run`]: a compiled program, run under tight limits with its output going nowhere,
//!   never panics, never runs far past its time limit and never grows its live heap far
//!   past its memory limit; its error and (for half of the inputs) its profile render.
//!
//! Only UTF-8 input is compiled and run: `mlpy` rejects any other file before parsing.

use std::io::{self, Write};
use std::panic;
use std::rc::Rc;
use std::time::{Duration, Instant};

use mlpy_analysis::AnalysisOptions;
use mlpy_profile::{Calibration, FakeClock, Recorder, ReportKind, SortKey};
use mlpy_runtime::builtins::BuiltinTable;
use mlpy_runtime::bytecode::CodeObject;
use mlpy_runtime::compiler::{compile_module, CompileContext};
use mlpy_runtime::heap;
use mlpy_runtime::program::{ImportSpec, Program};
use mlpy_runtime::{Limits, Vm};
use mlpy_syntax::ast;
use mlpy_syntax::{parse as parse_file, Diagnostic, SourceFile};

/// The `run` check's limits: small, so that one input costs at most a fraction of a second.
pub const TIMEOUT: Duration = Duration::from_millis(200);
pub const MAX_DEPTH: usize = 200;
pub const MAX_MEMORY: u64 = 32 << 20;

/// How far past `TIMEOUT` a run may end before it counts as a hang: the VM checks its
/// limits every 1024 back-edges and calls, so a native that works long without returning
/// (a sort, a repeat, a display of deep data) is the kind of bug this finds.
pub const HANG_GRACE: Duration = Duration::from_secs(2);

/// The live heap a run may reach before it counts as unbounded: the VM checks the
/// memory limit at the same safepoints, so one operation may overshoot it, but not by
/// this much.
pub const MEMORY_CEILING: u64 = 16 * MAX_MEMORY;

/// The stack of the thread that runs a program: the same as `mlpy`'s interpreter thread
/// (display and comparison of nested data recurse in Rust, ML calls do not).
const STACK_SIZE: usize = 512 << 20;

/// The file name programs are given.
const FILE_NAME: &str = "fuzz.ml";

/// `parse` target: any bytes, decoded strictly and lossily, parse without panicking.
pub fn parse(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        parse_text(text);
    }
    parse_text(&String::from_utf8_lossy(data));
}

fn parse_text(text: &str) {
    let file = SourceFile::new(FILE_NAME, text);
    let parsed = parse_file(&file);
    check_diagnostics(&file, &parsed.diagnostics);
}

/// `compile` target: a UTF-8 program that parses and passes analysis compiles to
/// verified bytecode, or is refused with a diagnostic that is not an internal error.
pub fn compile(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let builtins = BuiltinTable::new();
    if let Some(loaded) = load(text, &builtins) {
        let _ = loaded.program.main.disassemble();
    }
}

/// `run` target: compile, then run under [`TIMEOUT`], [`MAX_DEPTH`] and [`MAX_MEMORY`] on
/// a thread of its own (fresh heap counters and cycle collector, like one `mlpy` run).
pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let text = text.to_owned();
    let worker = std::thread::Builder::new()
        .name("mlpy-fuzz-run".to_owned())
        .stack_size(STACK_SIZE)
        .spawn(move || run_text(&text))
        .expect("cannot start the interpreter thread");
    if let Err(payload) = worker.join() {
        panic::resume_unwind(payload);
    }
}

fn run_text(text: &str) {
    let builtins = BuiltinTable::new();
    let Some(loaded) = load(text, &builtins) else { return };
    if !loaded.runnable {
        return;
    }
    // Half of the inputs (by length, so that a reproducer behaves the same every time)
    // run profiled, with a deterministic clock.
    let profiled = text.len() % 2 == 1;
    let limits =
        Limits { max_depth: MAX_DEPTH, timeout: Some(TIMEOUT), max_memory: Some(MAX_MEMORY) };
    let mut vm = Vm::new(Rc::new(loaded.program), limits);
    vm.set_io(Box::new(io::sink()), Box::new(io::sink()), Box::new(io::empty()));
    if profiled {
        vm.enable_profiling(Recorder::with_calibration(
            Box::new(FakeClock::new(1)),
            true,
            Calibration::NONE,
        ));
    }
    let started = Instant::now();
    let res = vm.run_main();
    vm.flush();
    let elapsed = started.elapsed();
    let peak = heap::stats().peak_live_bytes;
    assert!(
        peak <= MEMORY_CEILING,
        "unbounded memory: the live heap reached {peak} bytes under a limit of {MAX_MEMORY} bytes"
    );
    assert!(
        elapsed <= TIMEOUT + HANG_GRACE,
        "hang: the run took {:.3} s under a time limit of {:.3} s",
        elapsed.as_secs_f64(),
        TIMEOUT.as_secs_f64()
    );
    if let Err(err) = res {
        // What `mlpy` prints for an uncaught error.
        let mut report = format!("{}: {}\n", err.type_name(), err.message());
        for t in err.trace() {
            report.push_str(&format!("  at {} ({}:{}:{})\n", t.function, t.file, t.line, t.col));
        }
        let _ = io::sink().write_all(report.as_bytes());
    }
    if let Some(recorder) = vm.take_recorder() {
        let profile = recorder.finish(FILE_NAME);
        let _ = profile.render(&ReportKind::ALL, SortKey::default());
        let json = profile.to_json();
        if let Err(e) = mlpy_profile::Profile::from_json(&json) {
            panic!("the profile's JSON does not read back: {e}");
        }
    }
    drop(vm);
    // Cycles the program left are freed here, as at the end of a `mlpy` run's thread.
    heap::collect();
}

/// A compiled program and whether it can run here (every import is a standard module:
/// the targets have no module files).
struct Loaded {
    program: Program,
    runnable: bool,
}

/// Parses, analyses and compiles `text` as `mlpy` does a main file; `None` when it is
/// rejected. Panics on a bug: a diagnostic outside the text, an internal compiler error.
fn load(text: &str, builtins: &BuiltinTable) -> Option<Loaded> {
    let file = Rc::new(SourceFile::new(FILE_NAME, text));
    let parsed = parse_file(&file);
    check_diagnostics(&file, &parsed.diagnostics);
    if parsed.diagnostics.iter().any(Diagnostic::is_error) {
        return None;
    }
    let prelude = builtins.names();
    let found = mlpy_analysis::analyze(&parsed.module, &AnalysisOptions { prelude: &prelude });
    check_diagnostics(&file, &found);
    if found.iter().any(Diagnostic::is_error) {
        return None;
    }
    let mut imports: Vec<ImportSpec> = Vec::new();
    let mut runnable = true;
    let mut resolve = |import: &ast::Import| -> u16 {
        let dotted = import.dotted_name();
        let standard = mlpy_runtime::stdlib::AVAILABLE.iter().copied().find(|&m| m == dotted);
        // An ML module file is rejected by `mlpy`'s loader when it is missing; the
        // targets have none, so a program that imports one compiles but does not run.
        runnable &= standard.is_some();
        imports.push(ImportSpec {
            module: 0,
            standard,
            path: import.path.iter().map(|p| p.name.clone()).collect(),
            alias: import.alias.is_some(),
            file: FILE_NAME.to_owned(),
        });
        (imports.len() - 1) as u16
    };
    let compiled = compile_file(&parsed.module, file.clone(), builtins, &mut resolve);
    match compiled {
        Ok(main) => {
            Some(Loaded { program: Program { main, modules: Vec::new(), imports }, runnable })
        }
        Err(d) => {
            assert!(
                !d.message.contains("internal compiler error"),
                "the compiler failed: {}",
                d.render(&file)
            );
            check_diagnostics(&file, std::slice::from_ref(&*d));
            None
        }
    }
}

/// The one call of the compiler (a change of its signature changes only this function).
fn compile_file(
    module: &ast::Module,
    file: Rc<SourceFile>,
    builtins: &BuiltinTable,
    import_index: &mut dyn FnMut(&ast::Import) -> u16,
) -> Result<Rc<CodeObject>, Box<Diagnostic>> {
    let ctx = CompileContext {
        prelude: builtins,
        import_index,
        is_imported_module: false,
        options: Default::default(),
    };
    compile_module(module, file, ctx)
}

/// Every diagnostic points inside the text and renders.
fn check_diagnostics(file: &SourceFile, diagnostics: &[Diagnostic]) {
    let text = file.text();
    for diagnostic in diagnostics {
        let spans = std::iter::once(diagnostic.span).chain(diagnostic.labels.iter().map(|l| l.0));
        for span in spans {
            assert!(span.start <= span.end, "inverted span {span:?}: {}", diagnostic.message);
            assert!(
                text.get(span.range()).is_some(),
                "span {span:?} is not within the text: {}",
                diagnostic.message
            );
        }
        let _ = diagnostic.render(file);
    }
}
