//! The conformance suite: runs every ML program under `tests/conformance` with the `mlpy`
//! binary and checks it against the annotations written in the program itself.
//!
//! The annotations (`// expect:`, `// expect-error:`, `// expect-static:`, `// args:`,
//! `// env:`) are
//! documented in `tests/conformance/README.md`. A case is a `.ml` file, or a directory that
//! contains `main.ml` (only `main.ml` is run; the other files are its modules).
//!
//! Each case runs as `mlpy run FILE ARGS` with the case's directory as working directory,
//! an empty standard input and a timeout. Stdout must match exactly, the exit status must
//! match, and stderr must name the expected error kinds and lines. Every failure is
//! collected and reported at the end, followed by `N passed, N failed`.
//!
//! Every case also runs a second time with `--profile`
//! and must give the same stdout and exit status, and the same stderr up to the first line
//! that starts a profiler report.
//!
//! The runs use the bytecode cache in a fresh directory of their own (`MLPY_CACHE_DIR`,
//! so nothing is written beside the cases): the first, plain run starts from a cold cache
//! and fills it; the profiled run and a third, plain run read it, and the third must give
//! exactly the first one's stdout, stderr and exit status (a hit is observably identical
//! to a miss).
//!
//! `MLPY_CONFORMANCE_FILTER=substring` runs only the cases whose path contains `substring`.

use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

/// Lines that start a profiler report on stderr; profiled stderr is compared up to the first.
const PROFILE_REPORT_TITLES: &[&str] = &["ML CODE PERFORMANCE SUMMARY"];

/// How long one run of one case may take before it is killed.
const TIMEOUT: Duration = Duration::from_secs(20);

const EXIT_SUCCESS: i32 = 0;
const EXIT_RUNTIME_ERROR: i32 = 1;
const EXIT_STATIC_REJECTION: i32 = 65;
/// A run ended by `--timeout` or `--max-memory` (`expect-error: LimitExceeded@LINE`).
const EXIT_LIMIT_EXCEEDED: i32 = 75;

/// An error kind (or rule code) and the line it must be reported at.
#[derive(Debug)]
struct Located {
    kind: String,
    line: u32,
}

/// What a case's annotations require.
#[derive(Debug, Default)]
struct Expectation {
    stdout: Vec<String>,
    runtime_error: Option<Located>,
    static_errors: Vec<Located>,
    args: Vec<String>,
    /// Environment variables set for the run (`// env: NAME=VALUE`).
    env: Vec<(String, String)>,
}

impl Expectation {
    fn exit_status(&self) -> i32 {
        if !self.static_errors.is_empty() {
            EXIT_STATIC_REJECTION
        } else if self.runtime_error.as_ref().is_some_and(|e| e.kind == "LimitExceeded") {
            EXIT_LIMIT_EXCEEDED
        } else if self.runtime_error.is_some() {
            EXIT_RUNTIME_ERROR
        } else {
            EXIT_SUCCESS
        }
    }
}

/// The observable result of one run of `mlpy`.
struct Outcome {
    /// `None` when the process was killed (timeout) or ended by a signal.
    status: Option<i32>,
    timed_out: bool,
    stdout: String,
    stderr: String,
}

fn parse_located(text: &str) -> Result<Located, String> {
    let (kind, line) =
        text.trim().rsplit_once('@').ok_or_else(|| format!("expected KIND@LINE, got `{text}`"))?;
    let line = line.parse().map_err(|_| format!("bad line number in `{text}`"))?;
    Ok(Located { kind: kind.to_string(), line })
}

/// Reads the annotations of a case's source text.
fn parse_expectation(source: &str) -> Result<Expectation, String> {
    let mut expect = Expectation::default();
    for (idx, line) in source.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let annotation = |marker: &str| {
            line.find(marker).map(|at| {
                let rest = &line[at + marker.len()..];
                rest.strip_prefix(' ').unwrap_or(rest)
            })
        };
        let at_line =
            |res: Result<Located, String>| res.map_err(|e| format!("line {}: {e}", idx + 1));
        if let Some(text) = annotation("// expect:") {
            expect.stdout.push(text.to_string());
        } else if let Some(text) = annotation("// expect-error:") {
            if expect.runtime_error.is_some() {
                return Err(format!("line {}: more than one expect-error", idx + 1));
            }
            expect.runtime_error = Some(at_line(parse_located(text))?);
        } else if let Some(text) = annotation("// expect-static:") {
            expect.static_errors.push(at_line(parse_located(text))?);
        } else if let Some(text) = annotation("// args:") {
            expect.args.extend(text.split_whitespace().map(str::to_string));
        } else if let Some(text) = annotation("// env:") {
            let (name, value) = text
                .split_once('=')
                .ok_or_else(|| format!("line {}: expected NAME=VALUE, got `{text}`", idx + 1))?;
            expect.env.push((name.to_string(), value.to_string()));
        }
    }
    if !expect.static_errors.is_empty()
        && (expect.runtime_error.is_some() || !expect.stdout.is_empty())
    {
        return Err("expect-static cannot be combined with expect or expect-error".to_string());
    }
    Ok(expect)
}

/// Collects the case files below `dir`: `main.ml` of a directory that has one, otherwise
/// every `.ml` file, recursively.
fn collect_cases(dir: &Path, cases: &mut Vec<PathBuf>) {
    let main = dir.join("main.ml");
    if main.is_file() {
        cases.push(main);
        return;
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_cases(&path, cases);
        } else if path.extension().is_some_and(|ext| ext == "ml") {
            cases.push(path);
        }
    }
}

fn read_pipe(mut pipe: impl Read + Send + 'static) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

fn wait_with_timeout(child: &mut Child) -> (Option<i32>, bool) {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        match child.try_wait().expect("wait for mlpy") {
            Some(status) => return (status.code(), false),
            None if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return (None, true);
            }
            None => thread::sleep(Duration::from_millis(5)),
        }
    }
}

/// The bytecode cache directory of this run of the suite (fresh, removed at the end).
fn cache_dir() -> &'static Path {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir =
            std::env::temp_dir().join(format!("mlpy-conformance-cache-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the cache directory");
        dir
    })
}

/// Runs `mlpy run FILE EXTRA ARGS` in the file's directory.
fn run_mlpy(file: &Path, extra: &[&str], args: &[String], env: &[(String, String)]) -> Outcome {
    let dir = file.parent().expect("case file has a directory");
    let mut child = Command::new(env!("CARGO_BIN_EXE_mlpy"))
        .env("MLPY_CACHE_DIR", cache_dir())
        .env_remove("MLPY_CACHE_TRACE")
        .arg("run")
        .arg(file.file_name().expect("case file name"))
        .args(extra)
        .args(args)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start mlpy");
    let stdout = read_pipe(child.stdout.take().expect("stdout pipe"));
    let stderr = read_pipe(child.stderr.take().expect("stderr pipe"));
    let (status, timed_out) = wait_with_timeout(&mut child);
    Outcome {
        status,
        timed_out,
        stdout: stdout.join().expect("stdout reader"),
        stderr: stderr.join().expect("stderr reader"),
    }
}

fn describe_status(outcome: &Outcome) -> String {
    match (outcome.timed_out, outcome.status) {
        (true, _) => format!("killed after {}s", TIMEOUT.as_secs()),
        (false, Some(code)) => code.to_string(),
        (false, None) => "ended by a signal".to_string(),
    }
}

/// Compares a plain run with the annotations; returns the problems found.
fn check_outcome(expect: &Expectation, outcome: &Outcome) -> Vec<String> {
    let mut problems = Vec::new();
    let wanted: String = expect.stdout.iter().map(|line| format!("{line}\n")).collect();
    if outcome.stdout != wanted {
        let actual: Vec<&str> = outcome.stdout.split_inclusive('\n').collect();
        let first_diff = (0..)
            .find(|&i| {
                expect.stdout.get(i).map(|l| format!("{l}\n")).as_deref() != actual.get(i).copied()
            })
            .expect("outputs differ somewhere");
        problems.push(format!(
            "stdout differs at output line {}:\n    expected: {:?}\n    actual:   {:?}\n  \
             full expected stdout:\n{}  full actual stdout:\n{}",
            first_diff + 1,
            expect.stdout.get(first_diff).map(|l| format!("{l}\n")),
            actual.get(first_diff),
            indent(&wanted),
            indent(&outcome.stdout),
        ));
    }
    let status = expect.exit_status();
    if outcome.status != Some(status) {
        problems.push(format!("exit status: expected {status}, got {}", describe_status(outcome)));
    }
    for located in expect.runtime_error.iter().chain(&expect.static_errors) {
        let line_mark = format!(":{}:", located.line);
        if !outcome.stderr.contains(&located.kind) || !outcome.stderr.contains(&line_mark) {
            problems.push(format!(
                "stderr should contain `{}` and `{line_mark}`; stderr was:\n{}",
                located.kind,
                indent(&outcome.stderr),
            ));
        }
    }
    problems
}

/// Stderr up to the first line that starts a profiler report.
fn before_profile_report(stderr: &str) -> &str {
    let mut offset = 0;
    for line in stderr.split_inclusive('\n') {
        if PROFILE_REPORT_TITLES.iter().any(|title| line.starts_with(title)) {
            return &stderr[..offset];
        }
        offset += line.len();
    }
    stderr
}

/// Compares a run with `--profile` with the plain run; returns the problems found.
fn check_profile_transparency(plain: &Outcome, profiled: &Outcome) -> Vec<String> {
    let mut problems = Vec::new();
    if plain.stdout != profiled.stdout {
        problems.push(format!(
            "--profile changed stdout:\n  without:\n{}  with:\n{}",
            indent(&plain.stdout),
            indent(&profiled.stdout)
        ));
    }
    if plain.status != profiled.status || plain.timed_out != profiled.timed_out {
        problems.push(format!(
            "--profile changed the exit status: {} without, {} with",
            describe_status(plain),
            describe_status(profiled)
        ));
    }
    if plain.stderr != before_profile_report(&profiled.stderr) {
        problems.push(format!(
            "--profile changed stderr before the report:\n  without:\n{}  with:\n{}",
            indent(&plain.stderr),
            indent(before_profile_report(&profiled.stderr))
        ));
    }
    problems
}

fn indent(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let _ = writeln!(out, "      | {line}");
    }
    out
}

/// Runs one case; returns its problems (empty when it passes).
fn run_case(file: &Path) -> Vec<String> {
    let source = match std::fs::read(file) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => return vec![format!("cannot read the case: {e}")],
    };
    let expect = match parse_expectation(&source) {
        Ok(expect) => expect,
        Err(e) => return vec![format!("malformed annotations: {e}")],
    };
    let plain = run_mlpy(file, &[], &expect.args, &expect.env);
    let mut problems = check_outcome(&expect, &plain);
    // Profiling is transparent: the same case with `--profile` behaves the same.
    let profiled = run_mlpy(file, &["--profile"], &expect.args, &expect.env);
    problems.extend(check_profile_transparency(&plain, &profiled));
    // From a warm cache: exactly what the cold run gave.
    let warm = run_mlpy(file, &[], &expect.args, &expect.env);
    if (&warm.stdout, &warm.stderr, warm.status) != (&plain.stdout, &plain.stderr, plain.status) {
        problems.push(format!(
            "a run from the warm bytecode cache differs from the cold run ({} vs {}):\n  \
             cold stdout:\n{}  warm stdout:\n{}  cold stderr:\n{}  warm stderr:\n{}",
            describe_status(&plain),
            describe_status(&warm),
            indent(&plain.stdout),
            indent(&warm.stdout),
            indent(&plain.stderr),
            indent(&warm.stderr),
        ));
    }
    problems
}

#[test]
fn conformance() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance");
    let filter = std::env::var("MLPY_CONFORMANCE_FILTER").unwrap_or_default();
    let mut cases = Vec::new();
    collect_cases(&root, &mut cases);
    let cases: Vec<(String, PathBuf)> = cases
        .into_iter()
        .map(|path| {
            let name = path.strip_prefix(&root).unwrap_or(&path).display().to_string();
            (name, path)
        })
        .filter(|(name, _)| name.contains(&filter))
        .collect();
    assert!(!cases.is_empty() || !filter.is_empty(), "no conformance cases in {}", root.display());

    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let workers = thread::available_parallelism().map_or(4, usize::from).min(16);
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some((name, path)) = cases.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let problems = run_case(path);
                    if !problems.is_empty() {
                        failures.lock().unwrap().push((name.clone(), problems));
                    }
                }
            });
        }
    });

    let _ = std::fs::remove_dir_all(cache_dir());
    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    for (name, problems) in &failures {
        eprintln!("FAIL {name}");
        for problem in problems {
            eprintln!("  - {problem}");
        }
    }
    let summary = format!("{} passed, {} failed", cases.len() - failures.len(), failures.len());
    eprintln!("conformance: {summary}");
    if !failures.is_empty() {
        let names: Vec<&str> = failures.iter().map(|(name, _)| name.as_str()).collect();
        panic!("conformance: {summary}:\n  {}", names.join("\n  "));
    }
}
