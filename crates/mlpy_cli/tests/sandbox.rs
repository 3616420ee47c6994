//! The hostile-program suite: runs every ML program under `tests/sandbox` with the `mlpy`
//! binary, each in a fresh directory with a fixture of granted and outside files, and
//! checks the outcome its annotations expect and the rules every program must keep.
//!
//! The annotations, the fixture and the global rules are documented in
//! `tests/sandbox/README.md`. In short, each run:
//!
//! - gets a fresh temporary directory (its working directory) holding `main.ml`, a
//!   `granted/` tree with links that lead out of it and a FIFO, `outside/` and `home/`
//!   (its `HOME`), and two HTTP servers on 127.0.0.1: `@PORT@`, which it may be granted,
//!   and `@DENIED_PORT@`, which no program may ever reach;
//! - is timed, its peak resident memory measured (`wait4`'s `ru_maxrss`) and its memory
//!   watched while it runs (`/proc/PID/status`), and killed past a deadline or far past
//!   its memory bound (so a broken limit cannot take the machine down);
//! - must end with the expected status, output and files, and never: panic (101), abort
//!   (134), report an internal error (70), die by a signal, outlive its time limit plus a
//!   margin, exceed `--max-memory` by more than 25% plus the baseline of a trivial run,
//!   print more than 64 KiB on stderr, leak the fixture's secrets, connect to the denied
//!   server, or change a file outside its writable paths.
//!
//! Programs run three at a time. Every failure is collected and reported at the end, with
//! the reasons and the head of stderr, followed by `N passed, N failed`.
//! `MLPY_SANDBOX_FILTER=substring` runs only the programs whose path contains it;
//! `MLPY_SANDBOX_KEEP=1` keeps the directories of failed runs; `MLPY_SANDBOX_BIN=PATH`
//! runs another `mlpy` binary (a release or AddressSanitizer build).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::os::unix::fs::{symlink, FileTypeExt};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// Programs run at once (the CI machine has two cores).
const WORKERS: usize = 3;
/// Stderr beyond this is a failure: error reports, traces and diagnostics are bounded.
const STDERR_BOUND: usize = 64 << 10;
/// Output kept for the checks and the report (the rest is read and counted).
const CAPTURE: usize = 1 << 20;
/// How far past its time limit a run may end.
const TIME_MARGIN: Duration = Duration::from_secs(3);
/// The time bound of a run without `--timeout` or `max-time`.
const DEFAULT_MAX_TIME: Duration = Duration::from_secs(20);
/// A run is killed this long after its time bound (and reported as a hang).
const KILL_GRACE: Duration = Duration::from_secs(5);
/// Peak memory allowed over `--max-memory`: 25%, plus the baseline of a trivial run.
const MEMORY_SLACK_PERCENT: u64 = 25;
/// Resident memory at which a run without a memory bound is killed.
const HARD_MEMORY_CAP: u64 = 1 << 30;
/// Added to the trivial run's peak to make the baseline.
const BASELINE_EXTRA: u64 = 4 << 20;

/// Text that must never reach a program's output: the contents of the files outside the
/// grants and the value of the secret variable.
const SECRETS: &[&str] = &["TOP SECRET", "s3cr3t-sandbox-value"];

/// Exit statuses (README.md).
const EXIT_INTERNAL: i32 = 70;
const EXIT_PANIC: i32 = 101;
const EXIT_ABORT: i32 = 134;

// ---------------------------------------------------------------------------------------
// Annotations

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stdin {
    /// `/dev/null`.
    Empty,
    /// A pipe that stays open, with nothing written, until the program ends.
    Open,
    /// The program text, then end of input (for `run: -`).
    Program,
}

#[derive(Debug)]
struct Expectation {
    args: Vec<String>,
    variants: Vec<Vec<String>>,
    exit: Vec<i32>,
    error_kind: Option<String>,
    stdout: Option<Vec<String>>,
    stderr: Vec<String>,
    stderr_no_control: bool,
    max_rss: Option<u64>,
    max_time: Option<Duration>,
    must_exist: Vec<String>,
    must_not_exist: Vec<String>,
    writable: Vec<String>,
    connections: Option<usize>,
    stdin: Stdin,
    from_stdin: bool,
}

/// The keys of `// key: value` annotations (`stderr-no-control` takes no value).
const KEYS: &[&str] = &[
    "args",
    "also-with",
    "exit",
    "expect-error",
    "stdout",
    "stderr",
    "max-rss",
    "max-time",
    "must-exist",
    "must-not-exist",
    "writable",
    "connections",
    "stdin",
    "run",
];

fn parse_expectation(source: &str) -> Result<Expectation, String> {
    let mut e = Expectation {
        args: Vec::new(),
        variants: vec![Vec::new()],
        exit: Vec::new(),
        error_kind: None,
        stdout: None,
        stderr: Vec::new(),
        stderr_no_control: false,
        max_rss: None,
        max_time: None,
        must_exist: Vec::new(),
        must_not_exist: Vec::new(),
        writable: Vec::new(),
        connections: None,
        stdin: Stdin::Empty,
        from_stdin: false,
    };
    for (idx, line) in source.lines().enumerate() {
        let err = |m: String| format!("line {}: {m}", idx + 1);
        let Some(rest) = line.strip_prefix("// ") else { continue };
        if rest.trim_end() == "stderr-no-control" {
            e.stderr_no_control = true;
            continue;
        }
        let Some((key, value)) = rest.split_once(':') else { continue };
        if !KEYS.contains(&key) {
            if !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                return Err(err(format!("unknown annotation `{key}:`")));
            }
            continue;
        }
        let value = value.strip_prefix(' ').unwrap_or(value);
        let words = || value.split_whitespace().map(str::to_owned);
        match key {
            "args" => e.args.extend(words()),
            "also-with" => e.variants.push(words().collect()),
            "exit" => {
                for w in value.split_whitespace() {
                    e.exit.push(w.parse().map_err(|_| err(format!("bad exit status `{w}`")))?);
                }
            }
            "expect-error" => e.error_kind = Some(value.trim().to_owned()),
            "stdout" => e.stdout.get_or_insert_with(Vec::new).push(value.to_owned()),
            "stderr" => e.stderr.push(value.to_owned()),
            "max-rss" => {
                e.max_rss = Some(parse_size(value.trim()).ok_or_else(|| err("bad size".into()))?)
            }
            "max-time" => {
                let secs: f64 = value.trim().parse().map_err(|_| err("bad seconds".into()))?;
                e.max_time = Some(Duration::from_secs_f64(secs));
            }
            "must-exist" => e.must_exist.push(value.trim().to_owned()),
            "must-not-exist" => e.must_not_exist.push(value.trim().to_owned()),
            "writable" => e.writable.extend(words()),
            "connections" => {
                e.connections =
                    Some(value.trim().parse().map_err(|_| err("bad connection count".into()))?)
            }
            "stdin" => {
                e.stdin = match value.trim() {
                    "empty" => Stdin::Empty,
                    "open" => Stdin::Open,
                    "program" => Stdin::Program,
                    other => return Err(err(format!("unknown stdin `{other}`"))),
                }
            }
            "run" => match value.trim() {
                "-" => e.from_stdin = true,
                other => return Err(err(format!("unknown run `{other}` (only `-`)"))),
            },
            _ => unreachable!("every key is handled"),
        }
    }
    if e.exit.is_empty() {
        e.exit.push(if e.error_kind.is_some() { 1 } else { 0 });
    }
    Ok(e)
}

/// A size as `--max-memory` takes it: bytes, or a number with `K`/`KB`/`KiB`, `M`, `G`
/// (`KB`, `MB`, `GB` are powers of 10; `K`, `M`, `G` and `KiB`, `MiB`, `GiB` of 2).
fn parse_size(text: &str) -> Option<u64> {
    let digits = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let n: u64 = text[..digits].parse().ok()?;
    let unit: u64 = match &text[digits..] {
        "" | "B" => 1,
        "K" | "KiB" => 1 << 10,
        "KB" => 1_000,
        "M" | "MiB" => 1 << 20,
        "MB" => 1_000_000,
        "G" | "GiB" => 1 << 30,
        "GB" => 1_000_000_000,
        _ => return None,
    };
    n.checked_mul(unit).filter(|&n| n > 0)
}

/// The value of `--NAME V` or `--NAME=V` among `args`, if any.
fn option_value<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == name {
            return it.next().map(String::as_str);
        }
        if let Some(v) = a.strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
            return Some(v);
        }
    }
    None
}

/// `@{N*TEXT}@` becomes TEXT repeated N times (TEXT ends at the first `}@`).
fn expand(source: &str) -> Result<String, String> {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(at) = rest.find("@{") {
        out.push_str(&rest[..at]);
        let body = &rest[at + 2..];
        let star = body.find('*').ok_or("`@{` without `N*`")?;
        let count: usize = body[..star].parse().map_err(|_| "bad count in `@{N*…}@`")?;
        let text_and_rest = &body[star + 1..];
        let end = text_and_rest.find("}@").ok_or("`@{` without `}@`")?;
        out.push_str(&text_and_rest[..end].repeat(count));
        rest = &text_and_rest[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// The fixture

/// The values substituted for `@PORT@`, `@DENIED_PORT@` and `@TMP@`.
struct Subst {
    port: u16,
    denied_port: u16,
    dir: PathBuf,
}

impl Subst {
    fn apply(&self, text: &str) -> String {
        text.replace("@PORT@", &self.port.to_string())
            .replace("@DENIED_PORT@", &self.denied_port.to_string())
            .replace("@TMP@", &self.dir.display().to_string())
    }
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{}: {e}", parent.display()));
    }
    fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn link(target: impl AsRef<Path>, at: &Path) {
    symlink(target, at).unwrap_or_else(|e| panic!("{}: {e}", at.display()));
}

/// Builds the fixture of README.md in the empty directory `dir`.
fn make_fixture(dir: &Path) {
    write(&dir.join("granted/data.txt"), "granted data\n");
    write(&dir.join("granted/sub/inner.txt"), "inner\n");
    write(&dir.join("granted-sibling/secret.txt"), "TOP SECRET sibling\n");
    write(&dir.join("outside/secret.txt"), "TOP SECRET outside\n");
    write(&dir.join("outside/keep.txt"), "keep\n");
    write(&dir.join("outside/victim/a.txt"), "victim a\n");
    write(&dir.join("outside/victim/b/c.txt"), "victim c\n");
    fs::create_dir_all(dir.join("outside/emptydir")).unwrap();
    write(&dir.join("home/secret.txt"), "TOP SECRET home\n");
    let g = dir.join("granted");
    link("../outside", &g.join("escape"));
    link(dir.join("outside"), &g.join("abs_escape"));
    link("../outside/secret.txt", &g.join("escape_file"));
    link("../outside/victim", &g.join("victimlink"));
    link("../outside/created.txt", &g.join("dangling"));
    link("/dev/zero", &g.join("zero"));
    let fifo = g.join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("run mkfifo");
    assert!(made.success(), "mkfifo {} failed", fifo.display());
}

/// One entry of the directory tree, as compared before and after a run.
#[derive(Debug, PartialEq, Eq)]
enum Entry {
    Dir,
    File { len: u64, hash: u64 },
    Link(PathBuf),
    Fifo,
    Other,
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3))
}

/// Every entry below `dir` (links are not followed, FIFOs not opened), by relative path.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Entry> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Entry>) {
        let Ok(entries) = fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            let rel = path.strip_prefix(root).unwrap().to_path_buf();
            let Ok(meta) = fs::symlink_metadata(&path) else { continue };
            let ft = meta.file_type();
            let e = if ft.is_symlink() {
                Entry::Link(fs::read_link(&path).unwrap_or_default())
            } else if ft.is_dir() {
                walk(root, &path, out);
                Entry::Dir
            } else if ft.is_fifo() {
                Entry::Fifo
            } else if ft.is_file() {
                let hash = if meta.len() <= CAPTURE as u64 {
                    fs::read(&path).map(|b| fnv(&b)).unwrap_or(0)
                } else {
                    0
                };
                Entry::File { len: meta.len(), hash }
            } else {
                Entry::Other
            };
            out.insert(rel, e);
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// `path` (relative) normalised lexically; `None` if it climbs above the root.
fn normalise(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// Whether a change at `rel` is allowed: under a writable path, or mlpy's own files (the
/// program itself, and a cache: a top-level entry starting with `.` or naming `cache`).
fn change_allowed(rel: &Path, writable: &[PathBuf]) -> bool {
    if rel == Path::new("main.ml") {
        return true;
    }
    if let Some(Component::Normal(first)) = rel.components().next() {
        let first = first.to_string_lossy().to_lowercase();
        if first.starts_with('.') || first.contains("cache") {
            return true;
        }
    }
    writable.iter().any(|w| rel.starts_with(w))
}

// ---------------------------------------------------------------------------------------
// The HTTP servers

/// A tiny HTTP/1.1 server on 127.0.0.1 that counts the connections it receives.
struct Server {
    port: u16,
    connections: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    listener: Arc<TcpListener>,
    accept: Option<thread::JoinHandle<()>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        Server {
            port,
            connections: Arc::new(AtomicUsize::new(0)),
            stop: Arc::new(AtomicBool::new(false)),
            listener: Arc::new(listener),
            accept: None,
        }
    }

    /// Starts answering, with `denied_port` as the target of `/redirect-denied`.
    fn serve(&mut self, denied_port: u16) {
        let (listener, stop, count) =
            (self.listener.clone(), self.stop.clone(), self.connections.clone());
        let port = self.port;
        self.accept = Some(thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        count.fetch_add(1, Ordering::SeqCst);
                        let stop = stop.clone();
                        thread::spawn(move || answer(stream, port, denied_port, &stop));
                    }
                    Err(_) => thread::sleep(Duration::from_millis(5)),
                }
            }
        }));
    }

    /// Stops answering and returns the number of connections, those still waiting to be
    /// accepted included.
    fn finish(mut self) -> usize {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.accept.take() {
            let _ = t.join();
        }
        while self.listener.accept().is_ok() {
            self.connections.fetch_add(1, Ordering::SeqCst);
        }
        self.connections.load(Ordering::SeqCst)
    }
}

fn answer(mut stream: TcpStream, port: u16, denied_port: u16, stop: &AtomicBool) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 << 10 {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head);
    let target = head.split_whitespace().nth(1).unwrap_or("/");
    let redirect = |to: String| {
        format!("HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    };
    let reply = match target {
        "/ok" => "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\
                  Connection: close\r\n\r\nhello"
            .to_owned(),
        "/redirect-denied" => redirect(format!("http://127.0.0.1:{denied_port}/stolen")),
        "/redirect-localhost" => redirect(format!("http://localhost:{port}/ok")),
        "/redirect-self" => redirect("/ok".to_owned()),
        "/slow" => {
            while !stop.load(Ordering::Relaxed) {
                thread::sleep(Duration::from_millis(20));
            }
            return;
        }
        "/endless" => {
            let _ = stream.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n",
            );
            let chunk = vec![b'x'; 64 << 10];
            while !stop.load(Ordering::Relaxed) && stream.write_all(&chunk).is_ok() {}
            return;
        }
        _ => "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_owned(),
    };
    let _ = stream.write_all(reply.as_bytes());
    let _ = stream.shutdown(Shutdown::Write);
}

// ---------------------------------------------------------------------------------------
// Running one program

/// What one run of `mlpy` did.
struct Outcome {
    /// The exit status, or `None` when a signal ended it.
    status: Option<i32>,
    signal: Option<i32>,
    /// Why the runner killed it, if it did.
    killed: Option<String>,
    elapsed: Duration,
    peak_rss: u64,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    stderr_len: usize,
}

/// Reads a pipe to its end, keeping the first `CAPTURE` bytes; returns them and the total.
fn drain(mut pipe: impl Read + Send + 'static) -> thread::JoinHandle<(Vec<u8>, usize)> {
    thread::spawn(move || {
        let (mut kept, mut total, mut buf) = (Vec::new(), 0, vec![0u8; 64 << 10]);
        while let Ok(n) = pipe.read(&mut buf) {
            if n == 0 {
                break;
            }
            total += n;
            let room = CAPTURE.saturating_sub(kept.len()).min(n);
            kept.extend_from_slice(&buf[..room]);
        }
        (kept, total)
    })
}

/// `wait4` on our own child: `Some((wait status, peak RSS in bytes))` once it has ended.
#[allow(unsafe_code)]
fn wait4(pid: i32, block: bool) -> Option<(i32, u64)> {
    let mut status: libc::c_int = 0;
    // SAFETY: `rusage` is a plain C struct of integers, for which all zeroes is valid.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        let flags = if block { 0 } else { libc::WNOHANG };
        // SAFETY: `pid` is a child this process spawned and has not reaped (only this
        // function reaps it, once); `status` and `usage` are valid, exclusive pointers
        // for the duration of the call.
        let r = unsafe { libc::wait4(pid, &mut status, flags, &mut usage) };
        if r == pid {
            return Some((status, (usage.ru_maxrss.max(0) as u64) << 10));
        }
        if r == 0 {
            return None;
        }
        let err = std::io::Error::last_os_error();
        assert_eq!(err.kind(), std::io::ErrorKind::Interrupted, "wait4({pid}): {err}");
    }
}

/// The resident memory of a running process (`VmRSS`), in bytes.
fn current_rss(pid: u32) -> Option<u64> {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib << 10)
}

struct Run<'a> {
    dir: &'a Path,
    args: Vec<String>,
    stdin: Stdin,
    program: &'a str,
    from_stdin: bool,
    deadline: Duration,
    kill_rss: u64,
}

/// The binary under test: `MLPY_SANDBOX_BIN` (another build: release, AddressSanitizer,
/// another branch), or the one cargo built with this test.
fn mlpy_binary() -> PathBuf {
    std::env::var_os("MLPY_SANDBOX_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_mlpy")))
}

fn run_mlpy(run: &Run<'_>) -> Outcome {
    let file = if run.from_stdin { "-" } else { "main.ml" };
    let mut cmd = Command::new(mlpy_binary());
    cmd.arg("run")
        .arg(file)
        .args(&run.args)
        .current_dir(run.dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", run.dir.join("home"))
        .env("LANG", "C.UTF-8")
        .env("SANDBOX_PUBLIC", "public-value")
        .env("SANDBOX_SECRET", "s3cr3t-sandbox-value")
        .stdin(if run.stdin == Stdin::Empty { Stdio::null() } else { Stdio::piped() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let started = Instant::now();
    // Reaped by `wait4` below (which also gives its peak RSS), not by `Child::wait`.
    #[allow(clippy::zombie_processes)]
    let mut child = cmd.spawn().expect("start mlpy");
    let pid = child.id();
    // An `open` standard input is held (never written, never closed) until the end.
    let mut held_stdin = None;
    let feeder = match (run.stdin, child.stdin.take()) {
        (Stdin::Program, Some(mut pipe)) => {
            let text = run.program.to_owned();
            Some(thread::spawn(move || {
                let _ = pipe.write_all(text.as_bytes());
            }))
        }
        (Stdin::Open, pipe) => {
            held_stdin = pipe;
            None
        }
        _ => None,
    };
    let stdout = drain(child.stdout.take().unwrap());
    let stderr = drain(child.stderr.take().unwrap());
    let mut killed = None;
    let (wait_status, peak_rss) = loop {
        if let Some(done) = wait4(pid as i32, false) {
            break done;
        }
        let elapsed = started.elapsed();
        let rss = current_rss(pid).unwrap_or(0);
        if elapsed > run.deadline || rss > run.kill_rss {
            killed = Some(if elapsed > run.deadline {
                format!("killed: still running after {:.1} s", elapsed.as_secs_f64())
            } else {
                format!("killed: resident memory reached {}", mib(rss))
            });
            let _ = child.kill();
            break wait4(pid as i32, true).expect("reap mlpy");
        }
        thread::sleep(Duration::from_millis(10));
    };
    let elapsed = started.elapsed();
    drop(held_stdin);
    if let Some(f) = feeder {
        let _ = f.join();
    }
    let (stdout, _) = stdout.join().expect("stdout reader");
    let (stderr, stderr_len) = stderr.join().expect("stderr reader");
    let (status, signal) = if libc::WIFEXITED(wait_status) {
        (Some(libc::WEXITSTATUS(wait_status)), None)
    } else if libc::WIFSIGNALED(wait_status) {
        (None, Some(libc::WTERMSIG(wait_status)))
    } else {
        (None, None)
    };
    Outcome { status, signal, killed, elapsed, peak_rss, stdout, stderr, stderr_len }
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1 << 20) as f64)
}

fn indent(text: &str, max_lines: usize) -> String {
    let mut out = String::new();
    let lines: Vec<&str> = text.lines().collect();
    for line in lines.iter().take(max_lines) {
        let line: String = line.chars().take(200).collect();
        let _ = writeln!(out, "      | {}", line.escape_debug());
    }
    if lines.len() > max_lines {
        let _ = writeln!(out, "      | … {} more lines", lines.len() - max_lines);
    }
    out
}

/// The result of one run: its one-line description and its problems.
struct Report {
    name: String,
    summary: String,
    peak_rss: u64,
    elapsed: Duration,
    problems: Vec<String>,
    stderr_head: String,
}

/// Runs `program` (with the `extra` options of one variant) in a fresh directory and
/// checks it; `baseline` is the peak RSS allowance of a trivial run.
fn run_program(
    name: &str,
    source: &str,
    expect: &Expectation,
    extra: &[String],
    dir: &Path,
    baseline: u64,
) -> Report {
    let variant = if extra.is_empty() { String::new() } else { format!(" [{}]", extra.join(" ")) };
    let name = format!("{name}{variant}");
    let mut problems = Vec::new();
    let dir = dir.to_path_buf();
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create the run directory");
    make_fixture(&dir);

    let mut server = Server::start();
    let mut denied = Server::start();
    let subst = Subst { port: server.port, denied_port: denied.port, dir: dir.clone() };
    server.serve(denied.port);
    denied.serve(denied.port);

    let program = match expand(&subst.apply(source)) {
        Ok(p) => p,
        Err(e) => {
            return Report {
                name,
                summary: String::new(),
                peak_rss: 0,
                elapsed: Duration::ZERO,
                problems: vec![format!("malformed program: {e}")],
                stderr_head: String::new(),
            }
        }
    };
    fs::write(dir.join("main.ml"), &program).expect("write main.ml");
    let args: Vec<String> = expect.args.iter().chain(extra).map(|a| subst.apply(a)).collect();

    // The bounds this run is held to.
    let timeout = option_value(&args, "--timeout").and_then(|t| t.parse::<f64>().ok());
    let max_time = expect.max_time.unwrap_or(match timeout {
        Some(t) if t.is_finite() && t > 0.0 && t < 3600.0 => {
            Duration::from_secs_f64(t) + TIME_MARGIN
        }
        _ => DEFAULT_MAX_TIME,
    });
    let memory_limit =
        expect.max_rss.or_else(|| option_value(&args, "--max-memory").and_then(parse_size));
    let rss_bound = memory_limit.map(|m| m + m * MEMORY_SLACK_PERCENT / 100 + baseline);
    let kill_rss = rss_bound.map_or(HARD_MEMORY_CAP, |b| b + (64 << 20)).max(HARD_MEMORY_CAP / 4);

    // Which paths the program may change: its write grants and the `writable` paths.
    let mut writable = Vec::new();
    for a in &args {
        if let Some(list) = a.strip_prefix("--allow-write=") {
            writable.extend(list.split(',').map(str::to_owned));
        }
    }
    writable.extend(expect.writable.iter().map(|w| subst.apply(w)));
    let writable: Vec<PathBuf> = writable.iter().filter_map(|w| normalise(Path::new(w))).collect();

    let before = snapshot(&dir);
    let outcome = run_mlpy(&Run {
        dir: &dir,
        args: args.clone(),
        stdin: expect.stdin,
        program: &program,
        from_stdin: expect.from_stdin,
        deadline: max_time + KILL_GRACE,
        kill_rss,
    });
    let after = snapshot(&dir);
    let connections = server.finish();
    let denied_connections = denied.finish();

    let stdout = String::from_utf8_lossy(&outcome.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&outcome.stderr).into_owned();
    let status_text = match (&outcome.killed, outcome.status, outcome.signal) {
        (Some(k), _, _) => k.clone(),
        (None, Some(s), _) => format!("exit {s}"),
        (None, None, Some(sig)) => format!("signal {sig}"),
        (None, None, None) => "ended oddly".to_owned(),
    };
    let summary = format!(
        "{status_text}, {:.2} s, peak RSS {}",
        outcome.elapsed.as_secs_f64(),
        mib(outcome.peak_rss)
    );

    // The global rules.
    if let Some(k) = &outcome.killed {
        problems.push(format!("{k} (time bound {:.1} s)", max_time.as_secs_f64()));
    } else if outcome.elapsed > max_time {
        problems.push(format!(
            "took {:.2} s, past its bound of {:.1} s (the limit plus {} s)",
            outcome.elapsed.as_secs_f64(),
            max_time.as_secs_f64(),
            TIME_MARGIN.as_secs()
        ));
    }
    match (outcome.status, outcome.signal) {
        (Some(EXIT_PANIC), _) => problems.push("panicked (exit 101)".to_owned()),
        (Some(EXIT_ABORT), _) => problems.push("aborted (exit 134)".to_owned()),
        (Some(EXIT_INTERNAL), _) => problems.push("internal error (exit 70)".to_owned()),
        (None, Some(sig)) if outcome.killed.is_none() => {
            problems.push(format!("ended by signal {sig}"))
        }
        _ => {}
    }
    if let Some(bound) = rss_bound {
        if outcome.peak_rss > bound {
            problems.push(format!(
                "peak RSS {} exceeds {} (the memory limit {} + {MEMORY_SLACK_PERCENT}% + the \
                 baseline {})",
                mib(outcome.peak_rss),
                mib(bound),
                mib(memory_limit.unwrap_or(0)),
                mib(baseline)
            ));
        }
    }
    if outcome.stderr_len > STDERR_BOUND {
        problems.push(format!(
            "stderr is {} bytes, more than the bound of {STDERR_BOUND}",
            outcome.stderr_len
        ));
    }
    for secret in SECRETS {
        if stdout.contains(secret) || stderr.contains(secret) {
            problems.push(format!("a secret leaked into the output: `{secret}`"));
        }
    }
    if denied_connections > 0 {
        problems.push(format!(
            "the denied server (@DENIED_PORT@) got {denied_connections} connection(s)"
        ));
    }
    for (path, entry) in &after {
        if change_allowed(path, &writable) {
            continue;
        }
        match before.get(path) {
            None => problems.push(format!("created outside its grants: {}", path.display())),
            Some(old) if old != entry => {
                problems.push(format!("changed outside its grants: {}", path.display()))
            }
            _ => {}
        }
    }
    for path in before.keys() {
        if !after.contains_key(path) && !change_allowed(path, &writable) {
            problems.push(format!("deleted outside its grants: {}", path.display()));
        }
    }

    // The program's own expectations.
    if outcome.killed.is_none() {
        if let Some(code) = outcome.status {
            if !expect.exit.contains(&code) {
                let wanted: Vec<String> = expect.exit.iter().map(i32::to_string).collect();
                problems.push(format!("exit status {code}, expected {}", wanted.join(" or ")));
            }
        }
    }
    if let Some(kind) = &expect.error_kind {
        if !stderr.contains(kind.as_str()) {
            problems.push(format!("stderr does not name the error `{kind}`"));
        }
    }
    if let Some(lines) = &expect.stdout {
        let wanted: String = lines.iter().map(|l| format!("{l}\n")).collect();
        if stdout != wanted {
            problems.push(format!(
                "stdout differs:\n    expected:\n{}    actual:\n{}",
                indent(&wanted, 20),
                indent(&stdout, 20)
            ));
        }
    }
    for text in &expect.stderr {
        let text = subst.apply(text);
        if !stderr.contains(&text) {
            problems.push(format!("stderr does not contain `{text}`"));
        }
    }
    if expect.stderr_no_control {
        if let Some(c) =
            stderr.chars().find(|&c| (c.is_control() && c != '\n' && c != '\t') || c == '\u{7f}')
        {
            problems.push(format!("stderr contains the control character {c:?}"));
        }
    }
    if let Some(n) = expect.connections {
        if connections != n {
            problems
                .push(format!("the server (@PORT@) got {connections} connection(s), expected {n}"));
        }
    }
    for p in &expect.must_exist {
        let p = dir.join(subst.apply(p));
        if fs::symlink_metadata(&p).is_err() {
            problems.push(format!("missing afterwards: {}", p.display()));
        }
    }
    for p in &expect.must_not_exist {
        let p = dir.join(subst.apply(p));
        if fs::symlink_metadata(&p).is_ok() {
            problems.push(format!("exists afterwards: {}", p.display()));
            // A file the program should not have made outside the run directory.
            if !p.starts_with(&dir) {
                let _ = fs::remove_file(&p);
            }
        }
    }

    let keep = !problems.is_empty() && std::env::var_os("MLPY_SANDBOX_KEEP").is_some();
    if keep {
        problems.push(format!("its directory is kept: {}", dir.display()));
    } else {
        let _ = fs::remove_dir_all(&dir);
    }
    Report {
        name,
        summary,
        peak_rss: outcome.peak_rss,
        elapsed: outcome.elapsed,
        problems,
        stderr_head: indent(&stderr, 15),
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "ml") {
            out.push(path);
        }
    }
}

/// The peak RSS of a trivial run, plus a little: what every run may use beyond its limit.
fn measure_baseline(dir: &Path) -> u64 {
    let expect = parse_expectation("// stdout: 1\n").unwrap();
    let report = run_program("baseline", "print(1);\n", &expect, &[], dir, 0);
    assert!(report.problems.is_empty(), "a trivial run fails: {:?}", report.problems);
    report.peak_rss + BASELINE_EXTRA
}

#[test]
fn sandbox() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/sandbox");
    let filter = std::env::var("MLPY_SANDBOX_FILTER").unwrap_or_default();
    let mut files = Vec::new();
    collect(&root, &mut files);
    let programs: Vec<(String, PathBuf)> = files
        .into_iter()
        .map(|p| (p.strip_prefix(&root).unwrap_or(&p).display().to_string(), p))
        .filter(|(name, _)| name.contains(&filter))
        .collect();
    assert!(
        !programs.is_empty() || !filter.is_empty(),
        "no sandbox programs in {}",
        root.display()
    );

    let scratch = std::env::temp_dir().join(format!("mlpy-sandbox-{}", std::process::id()));
    let _ = fs::remove_dir_all(&scratch);
    let started = Instant::now();
    let baseline = measure_baseline(&scratch.join("baseline"));

    // Each program and its variants, in order.
    let mut runs = Vec::new();
    let mut reports = Vec::new();
    for (name, path) in &programs {
        let source = fs::read_to_string(path).unwrap_or_else(|e| panic!("{name}: {e}"));
        match parse_expectation(&source) {
            Ok(expect) => {
                let expect = Arc::new(expect);
                for variant in expect.variants.clone() {
                    runs.push((name.clone(), source.clone(), expect.clone(), variant));
                }
            }
            Err(e) => reports.push(Report {
                name: name.clone(),
                summary: String::new(),
                peak_rss: 0,
                elapsed: Duration::ZERO,
                problems: vec![format!("malformed annotations: {e}")],
                stderr_head: String::new(),
            }),
        }
    }
    let next = AtomicUsize::new(0);
    let done = Mutex::new(reports);
    let workers = thread::available_parallelism().map_or(2, usize::from).clamp(2, WORKERS);
    thread::scope(|scope| {
        for _ in 0..workers {
            let (runs, next, done, scratch) = (&runs, &next, &done, &scratch);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((name, source, expect, variant)) = runs.get(i) else { break };
                let dir = scratch.join(format!("run-{i}"));
                let report = run_program(name, source, expect, variant, &dir, baseline);
                done.lock().unwrap().push(report);
            });
        }
    });
    if std::env::var_os("MLPY_SANDBOX_KEEP").is_none() {
        let _ = fs::remove_dir_all(&scratch);
    }

    let mut reports = done.into_inner().unwrap();
    reports.sort_by(|a, b| a.name.cmp(&b.name));
    let failed: Vec<&Report> = reports.iter().filter(|r| !r.problems.is_empty()).collect();
    for r in &failed {
        eprintln!("FAIL {} ({})", r.name, r.summary);
        for p in &r.problems {
            eprintln!("  - {p}");
        }
        if !r.stderr_head.is_empty() {
            eprintln!("    stderr:\n{}", r.stderr_head);
        }
    }
    let summary = format!(
        "{} runs of {} programs in {:.1} s (baseline RSS {}): {} passed, {} failed",
        reports.len(),
        programs.len(),
        started.elapsed().as_secs_f64(),
        mib(baseline),
        reports.len() - failed.len(),
        failed.len()
    );
    let mut slowest: Vec<&Report> = reports.iter().collect();
    slowest.sort_by_key(|r| std::cmp::Reverse(r.elapsed));
    let slowest: Vec<String> = slowest
        .iter()
        .take(5)
        .map(|r| format!("{} {:.1} s", r.name, r.elapsed.as_secs_f64()))
        .collect();
    eprintln!("sandbox: slowest runs: {}", slowest.join(", "));
    eprintln!("sandbox: {summary}");
    if !failed.is_empty() {
        let lines: Vec<String> = failed
            .iter()
            .map(|r| {
                let first = r.problems.first().and_then(|p| p.lines().next()).unwrap_or("");
                format!("{} — {first}", r.name)
            })
            .collect();
        panic!("sandbox: {summary}:\n  {}", lines.join("\n  "));
    }
}
