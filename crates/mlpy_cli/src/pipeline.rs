//! From a main file on disk to a `Program`: read, parse, check and compile every file
//! reachable through imports (spec §1.3, §13). Nothing runs unless every file is accepted.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant};

use mlpy_analysis::AnalysisOptions;
use mlpy_runtime::builtins::{BuiltinTable, STANDARD_MODULES};
use mlpy_runtime::cache::{self, FrontEnd, ImportStmt};
use mlpy_runtime::compiler::{compile_module, CompileContext, CompileOptions};
use mlpy_runtime::program::{ImportSpec, ModuleInfo, Program};
use mlpy_syntax::ast::{self, StmtKind};
use mlpy_syntax::{Diagnostic, SourceFile, Span};

/// A diagnostic with the file it belongs to.
pub struct FileDiagnostic {
    pub file: Rc<SourceFile>,
    pub diagnostic: Diagnostic,
}

impl FileDiagnostic {
    pub fn render(&self, paint: mlpy_syntax::style::Paint) -> String {
        self.diagnostic.render_with(&self.file, paint)
    }
}

/// Why a program could not be loaded.
pub enum LoadError {
    /// The main file cannot be read: a usage error.
    Unreadable(String),
    /// Static errors (warnings may be among them).
    Rejected(Vec<FileDiagnostic>),
}

/// A loaded program and the warnings found on the way.
pub struct Loaded {
    pub program: Program,
    pub warnings: Vec<FileDiagnostic>,
    /// The `capability` declarations of every file, the main file first, then modules in
    /// load order (the manifest of spec §14.3).
    pub declarations: Vec<(Rc<SourceFile>, ast::CapabilityDecl)>,
    pub phases: PhaseTimes,
}

/// Time and allocated bytes of each phase of loading (for the profiler's developer
/// reports). Bytes are counted only while a profiled run loads (`alloc_count`).
#[derive(Clone, Copy, Debug, Default)]
pub struct PhaseTimes {
    /// Looking up, reading, verifying and writing bytecode cache files.
    pub cache: Phase,
    /// Whether the bytecode cache was in use for at least one file (the profile then has
    /// a `cache` phase, and its advice may speak of the cache).
    pub cache_used: bool,
    /// Reading module files.
    pub module_loading: Phase,
    pub parsing: Phase,
    pub security_analysis: Phase,
    pub compilation: Phase,
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Phase {
    pub time: Duration,
    pub bytes: u64,
}

/// The clock the loading phases are timed with: the profile's (`--clock`), so that a
/// CPU-time profile has CPU-time phases. Readings are durations since an origin.
#[derive(Clone, Copy, Debug)]
pub enum PhaseClock {
    /// Elapsed time since the origin.
    Wall(Instant),
    /// The interpreter thread's CPU time (since the thread started).
    Cpu,
}

thread_local! {
    static PHASE_CLOCK: std::cell::Cell<Option<PhaseClock>> = const { std::cell::Cell::new(None) };
}

impl PhaseClock {
    /// The clock `--clock NAME` times a run with, starting at `started` for wall time.
    pub fn new(kind: mlpy_profile::ClockKind, started: Instant) -> PhaseClock {
        match kind {
            mlpy_profile::ClockKind::Cpu => PhaseClock::Cpu,
            mlpy_profile::ClockKind::Wall => PhaseClock::Wall(started),
        }
    }

    /// The reading now.
    pub fn now(self) -> Duration {
        match self {
            PhaseClock::Wall(origin) => origin.elapsed(),
            PhaseClock::Cpu => mlpy_profile::thread_cpu_time().unwrap_or_default(),
        }
    }

    /// Times the phases of this thread's loads with this clock from now on.
    pub fn install(self) {
        PHASE_CLOCK.with(|c| c.set(Some(self)));
    }

    /// The clock phases are timed with (wall time from its first use, if none was
    /// installed).
    fn current() -> PhaseClock {
        PHASE_CLOCK.with(|c| {
            c.get().unwrap_or_else(|| {
                let clock = PhaseClock::Wall(Instant::now());
                c.set(Some(clock));
                clock
            })
        })
    }
}

impl Phase {
    /// Runs `f`, adding its time and the bytes it allocated to this phase.
    fn measure<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let clock = PhaseClock::current();
        let (started, bytes) = (clock.now(), crate::alloc_count::allocated());
        let res = f();
        self.time += clock.now().saturating_sub(started);
        self.bytes += crate::alloc_count::allocated() - bytes;
        res
    }
}

struct ParsedFile {
    file: Rc<SourceFile>,
    body: Body,
    path: PathBuf,
    /// For each import statement of the file (in order): what it imports.
    imports: Vec<ImportTarget>,
    /// Where the file's compiled form is cached, when it is.
    cache: Option<CacheSlot>,
}

/// A checked file: parsed now, or read from the bytecode cache.
enum Body {
    /// Parsed and checked in this run; `front` is what a cache file would hold.
    Parsed { module: ast::Module, front: FrontEnd },
    /// From the cache: the code was verified (with the file's first import at index 0).
    Cached { entry: cache::Entry, code: Rc<mlpy_runtime::bytecode::CodeObject> },
}

impl Body {
    fn front(&self) -> &FrontEnd {
        match self {
            Body::Parsed { front, .. } => front,
            Body::Cached { entry, .. } => &entry.front,
        }
    }
}

/// The cache file of one source file and the key it must have.
struct CacheSlot {
    path: PathBuf,
    key: cache::Key,
}

/// How `mlpy run` and `mlpy compile` use the bytecode cache (README, "The bytecode cache").
#[derive(Clone, Debug, Default)]
pub struct CacheOptions {
    pub mode: CacheMode,
    /// `--cache-dir` or `MLPY_CACHE_DIR`: one directory for every cache file, instead of
    /// `__mlcache__` beside each source file.
    pub dir: Option<PathBuf>,
    /// `MLPY_CACHE_TRACE`: report each hit, miss and write on standard error.
    pub trace: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CacheMode {
    /// No cache (`--no-cache`, `mlpy check`).
    #[default]
    Off,
    /// Read it, and write what had to be compiled.
    ReadWrite,
    /// `--force-transpile`: compile everything and rewrite the cache.
    WriteOnly,
}

/// What an import statement resolved to.
#[derive(Clone, Copy)]
enum ImportTarget {
    /// The ML module at this index of the loader's files (0 is the main file).
    File(usize),
    /// A standard module written in Rust.
    Standard(&'static str),
    /// Nothing: the statement was reported as an error.
    Failed,
}

struct Loader<'a> {
    import_paths: &'a [PathBuf],
    builtins: &'a BuiltinTable,
    cache: &'a CacheOptions,
    options: CompileOptions,
    prelude: Vec<&'static str>,
    /// Module files by absolute path: index into `files`.
    by_path: HashMap<PathBuf, usize>,
    /// Index 0 is the main file; then modules in discovery order.
    files: Vec<Option<ParsedFile>>,
    names: Vec<String>,
    /// Files being loaded (for cycle detection).
    in_progress: Vec<PathBuf>,
    diagnostics: Vec<FileDiagnostic>,
    phases: PhaseTimes,
}

/// The name in messages of a program read from standard input (`mlpy run -`).
pub const STDIN_NAME: &str = "<stdin>";

/// Whether `path` is `-`: the main program is read from standard input.
pub fn is_stdin(path: &Path) -> bool {
    path == Path::new("-")
}

/// Reads a source file (`-`: all of standard input); invalid UTF-8 becomes a syntax
/// diagnostic.
pub fn read_source(path: &Path, name: &str) -> Result<Result<SourceFile, FileDiagnostic>, String> {
    let bytes = if is_stdin(path) {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes).map_err(|e| {
            format!("cannot read the program from standard input: {}", io_reason(&e))
        })?;
        bytes
    } else {
        if path.is_dir() {
            return Err(format!("`{name}` is a directory, not an ML file"));
        }
        std::fs::read(path).map_err(|e| format!("cannot read `{name}`: {}", io_reason(&e)))?
    };
    Ok(match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(name, text)),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let file = Rc::new(SourceFile::new(name, text));
            let prefix = String::from_utf8_lossy(&bytes[..valid]).len() as u32;
            Err(FileDiagnostic {
                file,
                diagnostic: Diagnostic::syntax(
                    "the file is not valid UTF-8",
                    Span::new(prefix, prefix + 1),
                )
                .with_help("save the file with UTF-8 encoding"),
            })
        }
    })
}

pub fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_lowercase(),
        None => s,
    }
}

/// Loads the program whose main file is `path` (`name` is the path as the user gave it).
pub fn load(
    path: &Path,
    name: &str,
    import_paths: &[PathBuf],
    builtins: &BuiltinTable,
    options: CompileOptions,
    cache: &CacheOptions,
) -> Result<Loaded, LoadError> {
    let main = match read_source(path, name).map_err(LoadError::Unreadable)? {
        Ok(f) => Rc::new(f),
        Err(d) => return Err(LoadError::Rejected(vec![d])),
    };
    let abs = absolute(path);
    let mut loader = Loader {
        import_paths,
        builtins,
        cache,
        options,
        prelude: builtins.names(),
        by_path: HashMap::new(),
        files: vec![None],
        names: vec![String::new()],
        in_progress: vec![abs.clone()],
        diagnostics: Vec::new(),
        phases: PhaseTimes::default(),
    };
    loader.by_path.insert(abs.clone(), 0);
    // A program read from standard input is not cached (its imports are).
    let parsed = loader.check_file(main, abs, false, !is_stdin(path));
    loader.files[0] = parsed;
    let has_errors = loader.diagnostics.iter().any(|d| d.diagnostic.is_error());
    if has_errors {
        return Err(LoadError::Rejected(loader.diagnostics));
    }
    let files: Vec<ParsedFile> = loader.files.into_iter().flatten().collect();
    let declarations = files
        .iter()
        .flat_map(|f| f.body.front().declarations.iter().map(|d| (f.file.clone(), d.clone())))
        .collect();
    // Compile each file in load order (index i + 1 in `files` is module i).
    let mut imports: Vec<ImportSpec> = Vec::new();
    let mut compiled = Vec::with_capacity(files.len());
    let mut errors = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let base = imports.len();
        let spec = |stmt: usize, import: &ImportStmt| {
            let target = f.imports.get(stmt).copied().unwrap_or(ImportTarget::Failed);
            let (module, standard) = match target {
                ImportTarget::File(idx) => (idx.saturating_sub(1), None),
                ImportTarget::Standard(name) => (0, Some(name)),
                ImportTarget::Failed => (0, None),
            };
            ImportSpec {
                module,
                standard,
                path: import.path.iter().map(|p| p.name.clone()).collect(),
                alias: import.alias.is_some(),
                file: f.file.name().to_owned(),
            }
        };
        match &f.body {
            Body::Cached { entry, code } => {
                let front = &entry.front;
                for &stmt in &front.import_calls {
                    imports.push(spec(usize::from(stmt), &front.imports[usize::from(stmt)]));
                }
                // The code was verified with the file's imports from 0; elsewhere in the
                // import table it is read again with its own base.
                let code = if base == 0 || front.import_calls.is_empty() {
                    Ok(code.clone())
                } else {
                    let base = u16::try_from(base).map_err(|_| cache::Miss::Malformed);
                    loader.phases.cache.measure(|| entry.code(&f.file, builtins, base?))
                };
                match code {
                    Ok(code) => compiled.push(code),
                    // Unreachable in practice: the same bytes verified at index 0.
                    Err(miss) => errors.push(FileDiagnostic {
                        file: f.file.clone(),
                        diagnostic: Diagnostic::error(
                            "CacheError",
                            format!("the bytecode cache of this file cannot be used ({miss})"),
                            Span::default(),
                        )
                        .with_help("run with `--force-transpile` to rewrite it"),
                    }),
                }
            }
            Body::Parsed { module, front } => {
                let mut calls: Vec<u16> = Vec::new();
                let mut resolve = |import: &ast::Import| -> u16 {
                    let stmt = calls.len();
                    let found = front.imports.get(stmt);
                    let spec = match found {
                        Some(stmt_info) => spec(stmt, stmt_info),
                        None => spec(
                            stmt,
                            &ImportStmt {
                                path: import.path.clone(),
                                alias: import.alias.clone(),
                                span: Span::default(),
                            },
                        ),
                    };
                    calls.push(stmt as u16);
                    imports.push(spec);
                    (imports.len() - 1) as u16
                };
                let ctx = CompileContext {
                    prelude: builtins,
                    import_index: &mut resolve,
                    is_imported_module: i > 0,
                    options,
                };
                let code = loader
                    .phases
                    .compilation
                    .measure(|| compile_module(module, f.file.clone(), ctx));
                match code {
                    Ok(code) => {
                        if let Some(slot) = &f.cache {
                            let front = FrontEnd { import_calls: calls, ..front.clone() };
                            loader.phases.cache.measure(|| {
                                write_cache(slot, &front, &code, builtins, base, cache, &f.file)
                            });
                        }
                        compiled.push(code)
                    }
                    Err(d) => errors.push(FileDiagnostic { file: f.file.clone(), diagnostic: *d }),
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(LoadError::Rejected(errors));
    }
    let mut codes = compiled.into_iter();
    let main_code = codes.next().expect("the main file is compiled");
    let modules = codes
        .zip(files.iter().skip(1))
        .zip(loader.names.iter().skip(1))
        .map(|((code, f), name)| ModuleInfo { name: name.clone(), path: f.path.clone(), code })
        .collect();
    Ok(Loaded {
        program: Program { main: main_code, modules, imports },
        warnings: loader.diagnostics,
        declarations,
        phases: loader.phases,
    })
}

/// The module name nearest to `name`, which was not found: a standard module this version
/// provides (`maths` → `math`), else an ML module file directly in one of the `searched`
/// directories (the importing file `from` excluded).
fn nearest_module(name: &str, searched: &[PathBuf], from: &str) -> Option<String> {
    let standard: Vec<&str> = mlpy_runtime::stdlib::available().collect();
    if let Some(near) = mlpy_analysis::suggest::closest_member(name, standard.iter().copied()) {
        return Some(near.to_owned());
    }
    if name.contains('.') {
        return None;
    }
    let from = absolute(Path::new(from));
    let mut files = Vec::new();
    for dir in searched {
        let Ok(entries) = std::fs::read_dir(dir) else { continue };
        for path in entries.flatten().map(|e| e.path()) {
            let is_ml = path.extension().is_some_and(|e| e == "ml") && path.is_file();
            let stem = path.file_stem().and_then(|s| s.to_str()).map(str::to_owned);
            if let (true, Some(stem)) = (is_ml, stem) {
                if absolute(&path) != from && !STANDARD_MODULES.contains(&stem.as_str()) {
                    files.push(stem);
                }
            }
        }
    }
    files.sort();
    mlpy_analysis::suggest::closest_member(name, files.iter().map(String::as_str))
        .map(str::to_owned)
}

fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| {
        std::env::current_dir().map(|d| d.join(path)).unwrap_or_else(|_| path.to_path_buf())
    })
}

/// `MLPY_CACHE_TRACE`: one line on standard error per cache event.
fn trace(cache: &CacheOptions, file: &SourceFile, what: std::fmt::Arguments<'_>) {
    if cache.trace {
        let line = format!("mlpy cache: {}: {what}\n", file.name());
        let _ = std::io::Write::write_all(&mut std::io::stderr().lock(), line.as_bytes());
    }
}

/// Where the cache file of the source file at `abs` lives: `__mlcache__/NAME.mlc`
/// beside it, or `DIR/NAME-HASH.mlc` in a cache directory (`HASH` of the source's
/// absolute path, so that files of the same name in different directories do not meet).
fn cache_path(abs: &Path, cache: &CacheOptions) -> Option<PathBuf> {
    let stem = abs.file_stem()?.to_string_lossy();
    Some(match &cache.dir {
        Some(dir) => {
            let hash = cache::hash64(abs.as_os_str().as_encoded_bytes());
            absolute(dir).join(format!("{stem}-{hash:016x}.mlc"))
        }
        None => abs.parent()?.join("__mlcache__").join(format!("{stem}.mlc")),
    })
}

/// Writes a cache file atomically: a temporary file in the same directory, renamed over
/// the old one. Any failure (a read-only directory…) means no cache, silently.
fn write_cache(
    slot: &CacheSlot,
    front: &FrontEnd,
    code: &mlpy_runtime::bytecode::CodeObject,
    builtins: &BuiltinTable,
    base: usize,
    cache: &CacheOptions,
    file: &SourceFile,
) {
    let Some(bytes) = u16::try_from(base)
        .ok()
        .and_then(|base| cache::encode(slot.key, front, code, builtins, base))
    else {
        trace(cache, file, format_args!("not cached (the code cannot be stored)"));
        return;
    };
    let res = (|| -> std::io::Result<()> {
        let dir = slot.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let name = slot.path.file_name().unwrap_or_default().to_string_lossy();
        let nonce = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let tmp = dir.join(format!(".{name}.{}.{nonce}.tmp", std::process::id()));
        let written = (|| {
            let mut out = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
            std::io::Write::write_all(&mut out, &bytes)?;
            std::fs::rename(&tmp, &slot.path)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written
    })();
    match res {
        Ok(()) => trace(cache, file, format_args!("wrote {}", slot.path.display())),
        Err(e) => trace(
            cache,
            file,
            format_args!("not cached: cannot write {}: {}", slot.path.display(), io_reason(&e)),
        ),
    }
}

/// The cached form of `file`, if its cache file is valid (else `None`: a miss).
fn read_cache(
    options: &CacheOptions,
    builtins: &BuiltinTable,
    slot: &CacheSlot,
    file: &Rc<SourceFile>,
) -> Option<Body> {
    let bytes = match std::fs::read(&slot.path) {
        Ok(b) => b,
        Err(e) => {
            trace(options, file, format_args!("miss ({})", io_reason(&e)));
            return None;
        }
    };
    let res = cache::decode(bytes, slot.key, file).and_then(|entry| {
        let code = entry.code(file, builtins, 0)?;
        Ok(Body::Cached { entry, code })
    });
    match res {
        Ok(body) => Some(body),
        Err(miss) => {
            trace(options, file, format_args!("miss ({miss})"));
            None
        }
    }
}

impl Loader<'_> {
    /// Parses and checks one file (or reads it from the cache), loading its imports
    /// recursively. `cacheable`: the file may be cached (not standard input).
    fn check_file(
        &mut self,
        file: Rc<SourceFile>,
        path: PathBuf,
        is_module: bool,
        cacheable: bool,
    ) -> Option<ParsedFile> {
        let slot = (cacheable && self.cache.mode != CacheMode::Off)
            .then(|| {
                self.phases.cache_used = true;
                self.phases.cache.measure(|| {
                    let key = cache::key(file.text(), self.options, is_module);
                    cache_path(&path, self.cache).map(|path| CacheSlot { path, key })
                })
            })
            .flatten();
        let cached = match &slot {
            Some(slot) if self.cache.mode == CacheMode::ReadWrite => {
                let (options, builtins) = (self.cache, self.builtins);
                self.phases.cache.measure(|| read_cache(options, builtins, slot, &file))
            }
            _ => None,
        };
        let (body, rejected) = match cached {
            Some(body) => {
                trace(self.cache, &file, format_args!("hit"));
                self.push(&file, body.front().diagnostics.clone());
                (body, false)
            }
            None => {
                let parsed = self.phases.parsing.measure(|| mlpy_syntax::parse(&file));
                let mut diags: Vec<Diagnostic> = parsed.diagnostics;
                if diags.iter().any(Diagnostic::is_error) {
                    self.push(&file, diags);
                    return None;
                }
                let prelude = &self.prelude;
                diags.extend(self.phases.security_analysis.measure(|| {
                    let options = AnalysisOptions { prelude };
                    let catalog = &mlpy_runtime::hints::CATALOG;
                    mlpy_analysis::analyze_with_modules(&parsed.module, &options, catalog)
                }));
                let rejected = diags.iter().any(Diagnostic::is_error);
                let front = front_end(&parsed.module, &diags);
                self.push(&file, diags);
                (Body::Parsed { module: parsed.module, front }, rejected)
            }
        };
        let mut imports = Vec::new();
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        for import in &body.front().imports {
            let dotted = dotted_name(import);
            if let Some(name) = mlpy_runtime::stdlib::available().find(|&m| m == dotted) {
                imports.push(ImportTarget::Standard(name));
                continue;
            }
            if STANDARD_MODULES.contains(&dotted.as_str()) {
                self.push(
                    &file,
                    vec![Diagnostic::error(
                        "ImportError",
                        format!("the standard module `{dotted}` is not available in this version of mlpy"),
                        import.span,
                    )],
                );
                imports.push(ImportTarget::Failed);
                continue;
            }
            match self.load_module(&file, import, &dir) {
                Some(idx) => imports.push(ImportTarget::File(idx)),
                None => imports.push(ImportTarget::Failed),
            }
        }
        if rejected {
            return None;
        }
        Some(ParsedFile { file, body, path, imports, cache: slot })
    }

    fn push(&mut self, file: &Rc<SourceFile>, diags: Vec<Diagnostic>) {
        self.diagnostics.extend(
            diags.into_iter().map(|d| FileDiagnostic { file: file.clone(), diagnostic: d }),
        );
    }

    /// Finds, parses and checks the module of `import`; returns its index in `files`.
    fn load_module(
        &mut self,
        from: &Rc<SourceFile>,
        import: &ImportStmt,
        dir: &Path,
    ) -> Option<usize> {
        let span = import.span;
        let dotted = dotted_name(import);
        let mut rel = PathBuf::new();
        for part in &import.path {
            rel.push(&part.name);
        }
        rel.set_extension("ml");
        let mut searched = vec![dir.to_path_buf()];
        searched.extend(self.import_paths.iter().map(|p| absolute(p)));
        let Some(found) = searched.iter().map(|d| d.join(&rel)).find(|p| p.is_file()) else {
            let dirs: Vec<String> = searched.iter().map(|d| d.display().to_string()).collect();
            let mut diagnostic = Diagnostic::error(
                "ImportError",
                format!(
                    "module `{dotted}` not found (looked for `{}` in {})",
                    rel.display(),
                    dirs.join(", ")
                ),
                span,
            );
            if let Some(near) = nearest_module(&dotted, &searched, from.name()) {
                diagnostic = diagnostic.with_help(format!("did you mean `import {near};`?"));
            }
            diagnostic = diagnostic
                .with_help("check the module name, or add its directory with `--import-path DIR`");
            self.push(from, vec![diagnostic]);
            return None;
        };
        let abs = absolute(&found);
        if self.in_progress.contains(&abs) {
            self.push(
                from,
                vec![Diagnostic::error(
                    "ImportError",
                    format!("import cycle: module `{dotted}` imports itself through this import"),
                    span,
                )],
            );
            return None;
        }
        if let Some(&idx) = self.by_path.get(&abs) {
            return Some(idx);
        }
        let display = found.display().to_string();
        let read = self.phases.module_loading.measure(|| read_source(&found, &display));
        let file = match read {
            Ok(Ok(f)) => Rc::new(f),
            Ok(Err(d)) => {
                self.diagnostics.push(d);
                return None;
            }
            Err(msg) => {
                self.push(from, vec![Diagnostic::error("ImportError", msg, span)]);
                return None;
            }
        };
        let idx = self.files.len();
        self.files.push(None);
        self.names.push(dotted);
        self.by_path.insert(abs.clone(), idx);
        self.in_progress.push(abs.clone());
        let parsed = self.check_file(file, abs, true, true);
        self.in_progress.pop();
        self.files[idx] = parsed;
        Some(idx)
    }
}

/// The dotted name as written: `a.b.c`.
fn dotted_name(import: &ImportStmt) -> String {
    import.path.iter().map(|i| i.name.as_str()).collect::<Vec<_>>().join(".")
}

/// What a cache file holds of a file's front end: its diagnostics (`diags`, parser's and
/// static checks'), its top-level imports and its `capability` declarations.
fn front_end(module: &ast::Module, diags: &[Diagnostic]) -> FrontEnd {
    let mut front = FrontEnd { diagnostics: diags.to_vec(), ..FrontEnd::default() };
    for stmt in &module.body {
        match &stmt.kind {
            StmtKind::Import(import) => front.imports.push(ImportStmt {
                path: import.path.clone(),
                alias: import.alias.clone(),
                span: stmt.span,
            }),
            StmtKind::Capability(d) => front.declarations.push(d.clone()),
            _ => {}
        }
    }
    front
}
