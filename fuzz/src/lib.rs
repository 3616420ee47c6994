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
//! - [`sandbox`]: a compiled program, run under tight limits with grants derived from the
//!   input in a fixture directory (a `granted/` tree with links that lead out of it, and
//!   `outside/`), never panics, never changes a file outside its write grant, and is ended
//!   by `LimitExceeded` (not by its own end or another error) when it overruns its time
//!   or memory limit.
//!
//! - [`cache_decode`]: the bytecode cache's decoder never panics on any bytes (taken as a
//!   cache file, and as the payload of one with a valid header), and a program that
//!   compiles reads back from its cache file with the same disassembly.
//! - [`profile_json`]: a saved JSON profile (`mlpy profile show`) is read or refused
//!   without panicking; one that is read renders every report and writes every export,
//!   and its JSON form reads back to the same profile.
//!
//! Only UTF-8 input is compiled and run: `mlpy` rejects any other file before parsing.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::panic;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant};

use mlpy_analysis::AnalysisOptions;
use mlpy_profile::{Calibration, FakeClock, Recorder, ReportKind, SortKey};
use mlpy_runtime::builtins::BuiltinTable;
use mlpy_runtime::bytecode::CodeObject;
use mlpy_runtime::compiler::{compile_module, CompileContext};
use mlpy_runtime::heap;
use mlpy_runtime::program::{ImportSpec, Program};
use mlpy_runtime::{ErrorKind, Limits, Vm};
use mlpy_sandbox::{Allow, Declaration, Flag, Grants, Manifest, Operation, PathContext, Policy};
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

/// `cache_decode` target: any bytes, as a whole cache file and as the payload of a cache
/// file of this build (for a source text of the same bytes, so that spans and offsets can
/// be valid), are decoded without panicking; a UTF-8 program that compiles is written to
/// the cache format and read back to code with the same disassembly and constants.
pub fn cache_decode(data: &[u8]) {
    use mlpy_runtime::cache;
    let builtins = BuiltinTable::new();
    let text = String::from_utf8_lossy(data);
    let file = Rc::new(SourceFile::new(FILE_NAME, text.as_ref()));
    let options = mlpy_runtime::compiler::CompileOptions::default();
    let key = cache::key(file.text(), options, false);
    for bytes in [data.to_vec(), cache::seal(key, data)] {
        if let Ok(entry) = cache::decode(bytes, key, &file) {
            if let Ok(code) = entry.code(&file, &builtins, 0) {
                let _ = code.disassemble();
            }
        }
    }
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Some(loaded) = load(text, &builtins) else { return };
    let main = &loaded.program.main;
    let n = loaded.program.imports.len();
    let front = cache::FrontEnd { import_calls: (0..n as u16).collect(), ..Default::default() };
    let front = cache::FrontEnd {
        imports: (0..n)
            .map(|_| cache::ImportStmt {
                path: vec![ast::Ident { name: "m".into(), span: Default::default() }],
                alias: None,
                span: Default::default(),
            })
            .collect(),
        ..front
    };
    let Some(bytes) = cache::encode(key, &front, main, &builtins, 0) else {
        panic!("compiled code the cache cannot store");
    };
    let entry = cache::decode(bytes, key, &file).expect("its own cache file decodes");
    let back = entry.code(&file, &builtins, 0).expect("its own cache file verifies");
    assert_eq!(back.disassemble(), main.disassemble(), "the cache changed the code");
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

/// A VM for a fuzz input: the tight limits, output discarded, and, for `profiled`
/// inputs, a profiler on a deterministic clock.
fn fuzz_vm(program: mlpy_runtime::program::Program, profiled: bool) -> Vm {
    let limits = Limits {
        max_depth: MAX_DEPTH,
        timeout: Some(TIMEOUT),
        max_memory: Some(MAX_MEMORY),
        ..Limits::default()
    };
    let mut vm = Vm::new(Rc::new(program), limits);
    vm.set_io(Box::new(io::sink()), Box::new(io::sink()), Box::new(io::empty()));
    if profiled {
        vm.enable_profiling(Recorder::with_calibration(
            Box::new(FakeClock::new(1)),
            true,
            Calibration::NONE,
        ));
    }
    vm
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
    let mut vm = fuzz_vm(loaded.program, profiled);
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

// ---------------------------------------------------------------------------------------
// The `sandbox` target

/// A run past its time limit by more than this must have been ended by `LimitExceeded`.
pub const LIMIT_GRACE: Duration = Duration::from_millis(500);

/// A live heap above this must have ended the run with `LimitExceeded` (the 25% the
/// suite in `tests/sandbox` allows over `--max-memory`).
pub const MEMORY_BOUND: u64 = MAX_MEMORY + MAX_MEMORY / 4;

/// The grants of one `sandbox` input. Never an unrestricted write grant, and never a
/// network grant for a host that could answer: only the fixture's `granted` tree is
/// writable, and only 127.0.0.1's discard port (closed) is reachable.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FuzzGrants {
    /// `None`: no grant; `Some(None)`: every path; `Some(Some(list))`: the entries.
    pub read: Option<Option<Vec<String>>>,
    pub write: Option<Vec<String>>,
    pub env: Option<Option<Vec<String>>>,
    pub net: bool,
}

/// The grants for `text`: those of its `// args:` lines when it has any (the programs of
/// `tests/sandbox` and the seeds carry them), made safe as [`FuzzGrants`] says; otherwise
/// chosen by a hash of the text, so that a reproducer always runs with the same grants.
pub fn fuzz_grants(text: &str) -> FuzzGrants {
    let args: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("// args:"))
        .flat_map(str::split_whitespace)
        .collect();
    let list = |v: &str| v.split(',').filter(|e| !e.is_empty()).map(str::to_owned).collect();
    if !args.is_empty() {
        let mut g = FuzzGrants::default();
        for a in args {
            let (name, value) = match a.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (a, None),
            };
            match name {
                "--allow-read" => g.read = Some(value.map(list)),
                "--allow-write" => g.write = Some(value.map_or(vec!["granted".into()], list)),
                "--allow-env" => g.env = Some(value.map(list)),
                "--allow-net" => g.net = true,
                "-A" | "--allow-all" => {
                    g.read = Some(None);
                    g.write = Some(vec!["granted".into()]);
                    g.env = Some(None);
                    g.net = true;
                }
                _ => {}
            }
        }
        return g;
    }
    let h = text
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    let pick = |shift: u32, n: u64| (h >> shift) % n;
    let paths = |i: u64| match i {
        0 => vec!["granted".to_owned()],
        1 => vec!["granted/sub".to_owned()],
        _ => vec!["granted/sub".to_owned(), "granted/data.txt".to_owned()],
    };
    FuzzGrants {
        read: match pick(0, 5) {
            0 => None,
            1 => Some(None),
            i => Some(Some(paths(i - 2))),
        },
        write: match pick(8, 4) {
            0 => None,
            i => Some(paths(i - 1)),
        },
        env: match pick(16, 3) {
            0 => None,
            1 => Some(None),
            _ => Some(Some(vec!["FUZZ_PUBLIC".to_owned()])),
        },
        net: pick(24, 2) == 1,
    }
}

impl FuzzGrants {
    fn to_grants(&self) -> Grants {
        let mut g = Grants::new();
        let mut allow = |flag, entries: Option<&[String]>| {
            g.allow(flag, entries).unwrap_or_else(|e| panic!("a fuzz grant is refused: {e}"))
        };
        if let Some(read) = &self.read {
            allow(Flag::Read, read.as_deref());
        }
        if let Some(write) = &self.write {
            allow(Flag::Write, Some(write));
        }
        if let Some(env) = &self.env {
            allow(Flag::Env, env.as_deref());
        }
        if self.net {
            allow(Flag::Net, Some(&["127.0.0.1:9".to_owned()]));
        }
        g
    }

    /// Whether a change at `rel` (relative to the fixture's root) is within the write grant.
    fn may_change(&self, rel: &Path) -> bool {
        self.write.iter().flatten().any(|w| rel.starts_with(w))
    }
}

/// The program's capability declarations as the CLI reads them (`mlpy_cli::policy`).
fn manifest_of(module: &ast::Module) -> Manifest {
    let mut manifest = Manifest::new();
    for stmt in &module.body {
        let ast::StmtKind::Capability(decl) = &stmt.kind else { continue };
        let mut d = Declaration::default();
        for item in &decl.items {
            match item {
                ast::CapabilityItem::Resource { pattern, .. } => d.resources.push(pattern.clone()),
                ast::CapabilityItem::Allow { op, target, .. } => d.allows.push(Allow {
                    operation: match op {
                        ast::CapabilityOp::Read => Operation::Read,
                        ast::CapabilityOp::Write => Operation::Write,
                        ast::CapabilityOp::Network => Operation::Network,
                        ast::CapabilityOp::System => Operation::System,
                        ast::CapabilityOp::Execute => Operation::Execute,
                    },
                    target: target.as_ref().map(|(t, _)| t.clone()),
                    origin: FILE_NAME.to_owned(),
                }),
            }
        }
        manifest.declare(d);
    }
    manifest
}

/// The fixture directory of this process (made once; restored whenever a run changed it).
fn fixture_root() -> &'static Path {
    static ROOT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    ROOT.get_or_init(|| {
        let root = std::env::temp_dir().join(format!("mlpy-fuzz-sandbox-{}", std::process::id()));
        make_fixture(&root);
        root
    })
}

fn make_fixture(root: &Path) {
    let _ = fs::remove_dir_all(root);
    let file = |rel: &str, text: &str| {
        let p = root.join(rel);
        fs::create_dir_all(p.parent().unwrap()).expect("create the fuzz fixture");
        fs::write(&p, text).expect("write the fuzz fixture");
    };
    file("granted/data.txt", "granted data\n");
    file("granted/sub/inner.txt", "inner\n");
    file("outside/secret.txt", "outside secret\n");
    file("outside/keep.txt", "keep\n");
    file("outside/victim/a.txt", "victim\n");
    file("home/secret.txt", "home secret\n");
    let g = root.join("granted");
    let link = |target: &str, name: &str| {
        std::os::unix::fs::symlink(target, g.join(name)).expect("link in the fuzz fixture")
    };
    link("../outside", "escape");
    link("../outside/secret.txt", "escape_file");
    link("../outside/victim", "victimlink");
    link("../outside/created.txt", "dangling");
}

/// Every entry below `dir` by relative path: its kind, and a file's length and contents'
/// hash, or a link's target (links are not followed).
fn tree(dir: &Path) -> BTreeMap<PathBuf, String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, String>) {
        let Ok(entries) = fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            let rel = path.strip_prefix(root).unwrap().to_path_buf();
            let Ok(meta) = fs::symlink_metadata(&path) else { continue };
            let desc = if meta.file_type().is_symlink() {
                format!("link {:?}", fs::read_link(&path).unwrap_or_default())
            } else if meta.is_dir() {
                walk(root, &path, out);
                "dir".to_owned()
            } else if meta.is_file() && meta.len() <= 1 << 20 {
                let bytes = fs::read(&path).unwrap_or_default();
                let h =
                    bytes.iter().fold(0u64, |h, &b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
                format!("file {} {h:x}", meta.len())
            } else {
                format!("other {}", meta.len())
            };
            out.insert(rel, desc);
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// `sandbox` target: like [`run`], with grants ([`fuzz_grants`]) in the fixture directory;
/// see the module documentation for what it checks.
pub fn sandbox(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let root = fixture_root();
    let pristine = {
        static PRISTINE: std::sync::OnceLock<BTreeMap<PathBuf, String>> =
            std::sync::OnceLock::new();
        PRISTINE.get_or_init(|| tree(root))
    };
    if tree(root) != *pristine {
        make_fixture(root);
    }
    let grants = fuzz_grants(text);
    let text = text.to_owned();
    let run_grants = grants.clone();
    let worker = std::thread::Builder::new()
        .name("mlpy-fuzz-sandbox".to_owned())
        .stack_size(STACK_SIZE)
        .spawn(move || sandbox_text(&text, &run_grants, root))
        .expect("cannot start the interpreter thread");
    if let Err(payload) = worker.join() {
        panic::resume_unwind(payload);
    }
    let after = tree(root);
    let mut changed = Vec::new();
    for (path, desc) in &after {
        if pristine.get(path) != Some(desc) && !grants.may_change(path) {
            changed.push(format!("{} ({desc})", path.display()));
        }
    }
    for path in pristine.keys() {
        if !after.contains_key(path) && !grants.may_change(path) {
            changed.push(format!("{} (deleted)", path.display()));
        }
    }
    assert!(
        changed.is_empty(),
        "changed outside the write grant {:?}: {}",
        grants.write,
        changed.join(", ")
    );
}

fn sandbox_text(text: &str, grants: &FuzzGrants, root: &Path) {
    let builtins = BuiltinTable::new();
    let Some(loaded) = load(text, &builtins) else { return };
    if !loaded.runnable {
        return;
    }
    let manifest = manifest_of(&parse_file(&SourceFile::new(FILE_NAME, text)).module);
    let ctx = PathContext::new(root, Some(root.join("home")));
    let policy = Policy::with_context(&grants.to_grants(), &manifest, ctx);
    let profiled = text.len() % 2 == 1;
    let mut vm = fuzz_vm(loaded.program, profiled);
    vm.set_policy(Rc::new(policy));
    vm.set_program_args(vec![FILE_NAME.to_owned(), "--flag".to_owned(), "value".to_owned()]);
    let started = Instant::now();
    let res = vm.run_main();
    vm.flush();
    let elapsed = started.elapsed();
    let peak = heap::stats().peak_live_bytes;
    let limited = matches!(&res, Err(e) if e.kind() == ErrorKind::LimitExceeded);
    assert!(
        elapsed <= TIMEOUT + HANG_GRACE,
        "hang: the run took {:.3} s under a time limit of {:.3} s",
        elapsed.as_secs_f64(),
        TIMEOUT.as_secs_f64()
    );
    assert!(
        limited || elapsed <= TIMEOUT + LIMIT_GRACE,
        "the time limit passed without ending the run: {:.3} s under a limit of {:.3} s, \
         ended by {}",
        elapsed.as_secs_f64(),
        TIMEOUT.as_secs_f64(),
        outcome(&res)
    );
    assert!(
        limited || peak <= MEMORY_BOUND,
        "the memory limit passed without ending the run: the live heap reached {peak} bytes \
         under a limit of {MAX_MEMORY} bytes, ended by {}",
        outcome(&res)
    );
    assert!(
        peak <= MEMORY_CEILING,
        "unbounded memory: the live heap reached {peak} bytes under a limit of {MAX_MEMORY} bytes"
    );
    if let Some(recorder) = vm.take_recorder() {
        let profile = recorder.finish(FILE_NAME);
        let _ = profile.render(&ReportKind::ALL, SortKey::default());
    }
    drop(vm);
    heap::collect();
}

fn outcome(res: &Result<(), mlpy_runtime::RuntimeError>) -> String {
    match res {
        Ok(()) => "its end".to_owned(),
        Err(e) => format!("{}: {}", e.type_name(), e.message()),
    }
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
        let standard = mlpy_runtime::stdlib::available().find(|&m| m == dotted);
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

/// `profile_json` target: any bytes as a saved JSON profile (`mlpy profile show FILE`).
/// `Profile::from_json` refuses what does not hold together; what it accepts must render
/// every report (every sort, a limit) and every export without panicking, and its own
/// JSON must read back to the same profile.
pub fn profile_json(data: &[u8]) {
    use mlpy_profile::{ExportFormat, ExportOptions, FlameWeight, Profile, RenderOptions};
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(profile) = Profile::from_json(text) else { return };
    let json = profile.to_json();
    let back = Profile::from_json(&json).expect("a profile's own JSON reads back");
    assert_eq!(back, profile, "the JSON round trip keeps the profile");
    for sort in ["cumulative", "tottime", "calls", "nfl", "stdname", "pcalls"] {
        let sort: SortKey = sort.parse().expect("a pstats key");
        for limit in [None, Some(2)] {
            let _ = profile.render(&ReportKind::EVERY, RenderOptions { sort, limit });
        }
    }
    for flame in [FlameWeight::Time, FlameWeight::Memory] {
        let options = ExportOptions { flame, ..ExportOptions::default() };
        for format in ExportFormat::ALL {
            let _ = profile.export(format, &options);
        }
    }
}
