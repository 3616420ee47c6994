//! From a main file on disk to a `Program`: read, parse, check and compile every file
//! reachable through imports (spec §1.3, §13). Nothing runs unless every file is accepted.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant};

use mlpy_analysis::AnalysisOptions;
use mlpy_runtime::builtins::{BuiltinTable, STANDARD_MODULES};
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

impl Phase {
    /// Runs `f`, adding its time and the bytes it allocated to this phase.
    fn measure<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let (started, bytes) = (Instant::now(), crate::alloc_count::allocated());
        let res = f();
        self.time += started.elapsed();
        self.bytes += crate::alloc_count::allocated() - bytes;
        res
    }
}

struct ParsedFile {
    file: Rc<SourceFile>,
    module: ast::Module,
    path: PathBuf,
    /// For each import statement of the file (in order): what it imports.
    imports: Vec<ImportTarget>,
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
) -> Result<Loaded, LoadError> {
    let main = match read_source(path, name).map_err(LoadError::Unreadable)? {
        Ok(f) => Rc::new(f),
        Err(d) => return Err(LoadError::Rejected(vec![d])),
    };
    let abs = absolute(path);
    let mut loader = Loader {
        import_paths,
        prelude: builtins.names(),
        by_path: HashMap::new(),
        files: vec![None],
        names: vec![String::new()],
        in_progress: vec![abs.clone()],
        diagnostics: Vec::new(),
        phases: PhaseTimes::default(),
    };
    loader.by_path.insert(abs.clone(), 0);
    let parsed = loader.check_file(main, abs);
    loader.files[0] = parsed;
    let has_errors = loader.diagnostics.iter().any(|d| d.diagnostic.is_error());
    if has_errors {
        return Err(LoadError::Rejected(loader.diagnostics));
    }
    let files: Vec<ParsedFile> = loader.files.into_iter().flatten().collect();
    let declarations = files
        .iter()
        .flat_map(|f| {
            f.module.body.iter().filter_map(|stmt| match &stmt.kind {
                StmtKind::Capability(d) => Some((f.file.clone(), d.clone())),
                _ => None,
            })
        })
        .collect();
    // Compile modules first (index i + 1 in `files` is module i), then main.
    let mut imports: Vec<ImportSpec> = Vec::new();
    let mut compiled = Vec::with_capacity(files.len());
    let mut errors = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let mut stmt_idx = 0;
        let mut resolve = |import: &ast::Import| -> u16 {
            let target = f.imports.get(stmt_idx).copied().unwrap_or(ImportTarget::Failed);
            stmt_idx += 1;
            let (module, standard) = match target {
                ImportTarget::File(idx) => (idx.saturating_sub(1), None),
                ImportTarget::Standard(name) => (0, Some(name)),
                ImportTarget::Failed => (0, None),
            };
            imports.push(ImportSpec {
                module,
                standard,
                path: import.path.iter().map(|p| p.name.clone()).collect(),
                alias: import.alias.is_some(),
                file: f.file.name().to_owned(),
            });
            (imports.len() - 1) as u16
        };
        let ctx = CompileContext {
            prelude: builtins,
            import_index: &mut resolve,
            is_imported_module: i > 0,
            options,
        };
        let code =
            loader.phases.compilation.measure(|| compile_module(&f.module, f.file.clone(), ctx));
        match code {
            Ok(code) => compiled.push(code),
            Err(d) => errors.push(FileDiagnostic { file: f.file.clone(), diagnostic: *d }),
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

impl Loader<'_> {
    /// Parses and checks one file, loading its imports recursively.
    fn check_file(&mut self, file: Rc<SourceFile>, path: PathBuf) -> Option<ParsedFile> {
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
        self.push(&file, diags);
        let mut imports = Vec::new();
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        for stmt in &parsed.module.body {
            let StmtKind::Import(import) = &stmt.kind else { continue };
            let dotted = import.dotted_name();
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
                        stmt.span,
                    )],
                );
                imports.push(ImportTarget::Failed);
                continue;
            }
            match self.load_module(&file, import, &dir, stmt.span) {
                Some(idx) => imports.push(ImportTarget::File(idx)),
                None => imports.push(ImportTarget::Failed),
            }
        }
        if rejected {
            return None;
        }
        Some(ParsedFile { file, module: parsed.module, path, imports })
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
        import: &ast::Import,
        dir: &Path,
        span: Span,
    ) -> Option<usize> {
        let dotted = import.dotted_name();
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
        let parsed = self.check_file(file, abs);
        self.in_progress.pop();
        self.files[idx] = parsed;
        Some(idx)
    }
}
