//! The two sides of a comparison: mlpy run in-process, and the batched Python oracle.

use std::cell::RefCell;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::rc::Rc;
use std::time::Duration;

use mlpy_analysis::AnalysisOptions;
use mlpy_runtime::builtins::BuiltinTable;
use mlpy_runtime::compiler::{compile_module, CompileContext, CompileOptions};
use mlpy_runtime::program::{ImportSpec, Program};
use mlpy_runtime::{ErrorKind, Limits, Vm};
use mlpy_syntax::SourceFile;

/// What a program did: its standard output and the kind of its uncaught error.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub out: String,
    /// The uncaught runtime error's kind (`TypeError`, …). Values that are not ML kinds:
    /// `Static:KIND` (mlpy rejected the program), `Panic` (mlpy panicked),
    /// `Python:NAME` (a host failure of the oracle, a bug of the tester).
    pub error: Option<String>,
    /// A resource limit ended the run: the program is skipped, never a mismatch.
    pub limit: bool,
    /// The error message or diagnostic, for reports.
    pub detail: String,
}

/// Output capture: a shared buffer (the VM owns its writer), and whether the output limit
/// was reached (then the run is a limit, whatever error the program raised after it, as
/// the oracle's is).
#[derive(Clone, Default)]
struct Capture(Rc<RefCell<Vec<u8>>>, Rc<std::cell::Cell<bool>>);

const MAX_OUTPUT: usize = 1 << 20;

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut b = self.0.borrow_mut();
        if b.len() > MAX_OUTPUT {
            self.1.set(true);
            return Err(std::io::Error::other("output limit"));
        }
        b.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

thread_local! {
    static BUILTINS: BuiltinTable = BuiltinTable::new();
}

/// Limits of an mlpy run (a generated program never comes near them unless it grows a
/// value past the generator's guards; such a run is skipped).
pub fn mlpy_limits() -> Limits {
    Limits {
        max_depth: 10_000,
        timeout: Some(Duration::from_secs(5)),
        max_memory: Some(512 << 20),
        ..Limits::default()
    }
}

/// Runs `src` as a main file with no imports, in this thread, capturing its output.
/// With `fast_paths == false` it is compiled without fast paths, superinstructions and
/// specialised instructions (`CompileOptions`): the second oracle.
pub fn run_mlpy(src: &str, fast_paths: bool) -> Outcome {
    let file = Rc::new(SourceFile::new("prog.ml", src));
    let parsed = mlpy_syntax::parse(&file);
    let static_error = |diags: &[mlpy_syntax::Diagnostic]| -> Option<Outcome> {
        let d = diags.iter().find(|d| d.is_error())?;
        Some(Outcome {
            out: String::new(),
            error: Some(format!("Static:{}", d.kind)),
            limit: false,
            detail: d.render(&file),
        })
    };
    if let Some(o) = static_error(&parsed.diagnostics) {
        return o;
    }
    BUILTINS.with(|builtins| {
        let names = builtins.names();
        let diags = mlpy_analysis::analyze(&parsed.module, &AnalysisOptions { prelude: &names });
        if let Some(o) = static_error(&diags) {
            return o;
        }
        // Standard modules only (the generator imports `math`, `json`, …).
        let mut imports = Vec::new();
        let mut resolve = |import: &mlpy_syntax::ast::Import| -> u16 {
            let dotted = import.dotted_name();
            imports.push(ImportSpec {
                module: 0,
                standard: mlpy_runtime::stdlib::available().find(|&m| m == dotted),
                path: import.path.iter().map(|p| p.name.clone()).collect(),
                alias: import.alias.is_some(),
                file: "prog.ml".to_owned(),
            });
            (imports.len() - 1) as u16
        };
        let ctx = CompileContext {
            prelude: builtins,
            import_index: &mut resolve,
            is_imported_module: false,
            options: CompileOptions { fast_paths },
        };
        let code = match compile_module(&parsed.module, file.clone(), ctx) {
            Ok(c) => c,
            Err(d) => {
                return Outcome {
                    out: String::new(),
                    error: Some(format!("Static:{}", d.kind)),
                    limit: false,
                    detail: d.render(&file),
                }
            }
        };
        let program = Program { main: code, modules: Vec::new(), imports };
        let capture = Capture::default();
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut vm = Vm::new(Rc::new(program), mlpy_limits());
            vm.set_io(
                Box::new(capture.clone()),
                Box::new(std::io::sink()),
                Box::new(std::io::empty()),
            );
            let res = vm.run_main();
            vm.flush();
            res
        }));
        // Cycles (closures that capture themselves, self-containing objects) outlive the
        // VM; collect them so that a worker's memory stays flat over many programs.
        if mlpy_runtime::heap::tracked_count() > 0 {
            mlpy_runtime::heap::collect();
        }
        let out = String::from_utf8_lossy(&capture.0.borrow()).into_owned();
        match run {
            Ok(_) if capture.1.get() => {
                Outcome { out, error: None, limit: true, detail: "output limit".into() }
            }
            Ok(Ok(())) => Outcome { out, ..Outcome::default() },
            Ok(Err(e)) if e.kind() == ErrorKind::LimitExceeded => {
                Outcome { out, error: None, limit: true, detail: e.message().to_owned() }
            }
            Ok(Err(e)) => Outcome {
                out,
                error: Some(e.kind().name().to_owned()),
                limit: false,
                detail: format!("{}: {}", e.type_name(), e.message()),
            },
            Err(p) => {
                let msg = p
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                Outcome { out, error: Some("Panic".into()), limit: false, detail: msg }
            }
        }
    })
}

/// The Python oracle: one long-lived `python3` running `prelude.py`, fed many programs.
pub struct Oracle {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

pub const PRELUDE: &str = include_str!("prelude.py");

impl Oracle {
    pub fn start() -> std::io::Result<Oracle> {
        let python = std::env::var("MLPY_DIFFTEST_PYTHON").unwrap_or_else(|_| "python3".into());
        let mut child = Command::new(python)
            .arg("-c")
            .arg(PRELUDE)
            .arg("5")
            .arg((2u64 << 30).to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()?;
        let stdin = child.stdin.take().expect("piped stdin");
        let stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
        Ok(Oracle { child, stdin, stdout })
    }

    /// Runs one Python program (from `ast::to_python`).
    pub fn run(&mut self, py: &str) -> std::io::Result<Outcome> {
        writeln!(self.stdin, "{}", py.len())?;
        self.stdin.write_all(py.as_bytes())?;
        self.stdin.flush()?;
        let mut line = String::new();
        if self.stdout.read_line(&mut line)? == 0 {
            return Err(std::io::Error::other("the Python oracle exited"));
        }
        let n: usize = line.trim().parse().map_err(std::io::Error::other)?;
        let mut buf = vec![0; n];
        self.stdout.read_exact(&mut buf)?;
        let v: serde_json::Value = serde_json::from_slice(&buf).map_err(std::io::Error::other)?;
        Ok(Outcome {
            out: v["out"].as_str().unwrap_or_default().to_owned(),
            error: v["error"].as_str().map(str::to_owned),
            limit: v["limit"].as_bool().unwrap_or(false),
            detail: v["detail"].as_str().unwrap_or_default().to_owned(),
        })
    }
}

impl Drop for Oracle {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
