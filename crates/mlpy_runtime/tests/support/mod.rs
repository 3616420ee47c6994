//! In-process test helpers: parse, check, compile and run an ML source string without
//! the `mlpy` binary, capturing standard output.
//!
//! `run(src)` runs the program twice, with and without the compiler's fast paths, and
//! fails the test unless both runs agree (the slow form is the fast one's oracle).

#![allow(dead_code)]

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use mlpy_analysis::AnalysisOptions;
use mlpy_runtime::builtins::BuiltinTable;
use mlpy_runtime::bytecode::CodeObject;
use mlpy_runtime::compiler::{compile_module, CompileContext, CompileOptions};
use mlpy_runtime::program::{ImportSpec, Program};
use mlpy_runtime::vm::{Limits, Vm};
use mlpy_syntax::SourceFile;

/// What a program did: its standard output and, if it ended with an uncaught error,
/// that error's kind (`TypeError`, `UserError`…). A program rejected before it runs has
/// empty output and the error `static <Kind>: <message>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: String,
    pub error: Option<String>,
}

impl Outcome {
    /// The output, then `!Kind` on a line of its own if the program failed: one string
    /// to compare against an expectation.
    pub fn summary(&self) -> String {
        match &self.error {
            Some(kind) => format!("{}!{kind}\n", self.stdout),
            None => self.stdout.clone(),
        }
    }
}

/// An in-memory sink that the test keeps a handle on.
#[derive(Clone, Default)]
pub struct Buffer(Rc<RefCell<Vec<u8>>>);

impl Buffer {
    /// What was written, as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.borrow()).into_owned()
    }
}

impl Write for Buffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Parses, statically checks and compiles `src` (one file, no imports) to its main code.
pub fn compile(src: &str, options: CompileOptions) -> Result<Rc<CodeObject>, String> {
    compile_program(src, options).map(|p| p.main)
}

/// Parses, statically checks and compiles `src`: one file, whose imports may name
/// standard modules (`import math;`).
pub fn compile_program(src: &str, options: CompileOptions) -> Result<Program, String> {
    let file = Rc::new(SourceFile::new("test.ml".to_owned(), src.to_owned()));
    let parsed = mlpy_syntax::parse(&file);
    if let Some(d) = parsed.diagnostics.iter().find(|d| d.is_error()) {
        return Err(format!("static {}: {}", d.kind, d.message));
    }
    let builtins = BuiltinTable::new();
    let prelude = builtins.names();
    let findings = mlpy_analysis::analyze(&parsed.module, &AnalysisOptions { prelude: &prelude });
    if let Some(d) = findings.iter().find(|d| d.is_error()) {
        return Err(format!("static {}: {}", d.kind, d.message));
    }
    let mut imports = Vec::new();
    let mut resolve = |import: &mlpy_syntax::ast::Import| {
        let name = import.dotted_name();
        let standard = mlpy_runtime::stdlib::declaration(&name).map(|d| d.name);
        imports.push(ImportSpec {
            module: 0,
            standard,
            path: import.path.iter().map(|p| p.name.clone()).collect(),
            alias: import.alias.is_some(),
            file: "test.ml".to_owned(),
        });
        (imports.len() - 1) as u16
    };
    let ctx = CompileContext {
        prelude: &builtins,
        import_index: &mut resolve,
        is_imported_module: false,
        options,
    };
    let main = compile_module(&parsed.module, file, ctx)
        .map_err(|d| format!("static {}: {}", d.kind, d.message))?;
    Ok(Program { main, modules: Vec::new(), imports })
}

/// Compiles and runs `src` with `options`.
pub fn run_with(src: &str, options: CompileOptions) -> Outcome {
    let program = match compile_program(src, options) {
        Ok(program) => program,
        Err(message) => return Outcome { stdout: String::new(), error: Some(message) },
    };
    let limits = Limits { timeout: Some(std::time::Duration::from_secs(20)), ..Limits::default() };
    let mut vm = Vm::new(Rc::new(program), limits);
    let out = Buffer::default();
    vm.set_io(Box::new(out.clone()), Box::new(Buffer::default()), Box::new(std::io::empty()));
    let res = vm.run_main();
    vm.flush();
    let stdout = String::from_utf8_lossy(&out.0.borrow()).into_owned();
    Outcome { stdout, error: res.err().map(|e| e.type_name()) }
}

/// Runs `src` with and without fast paths; panics unless both agree.
pub fn run(src: &str) -> Outcome {
    let fast = run_with(src, CompileOptions::default());
    let slow = run_with(src, CompileOptions { fast_paths: false });
    assert_eq!(fast, slow, "fast and slow compilation disagree on:\n{src}");
    fast
}

/// Runs every `(source, expected summary)` case and reports all failures at once.
pub fn check_table(cases: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (src, expected) in cases {
        let got = run(src).summary();
        if got != *expected {
            failures.push(format!("--- source:\n{src}\n--- expected:\n{expected}--- got:\n{got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// The disassembly of `src`'s main code object and every nested function.
pub fn disasm(src: &str, options: CompileOptions) -> String {
    match compile(src, options) {
        Ok(code) => code.disassemble(),
        Err(message) => panic!("{message}\n{src}"),
    }
}
