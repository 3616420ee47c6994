//! Limits that hold (issue 9): every memory bomb, time bomb and re-entrant recursion ends
//! with the limit's exit status (75) and a message naming the limit; none panics (101),
//! aborts (134), dies of a signal (stack overflow) or overshoots its memory limit by more
//! than 25% plus the binary's baseline. The programs run as child processes of `mlpy`, in
//! parallel, with short limits; each child's peak RSS comes from `wait4`.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const LIMIT_EXCEEDED: i32 = 75;
const RUNTIME_ERROR: i32 = 1;
/// Resident memory of `mlpy` that is not the program's (the binary, its libraries, the
/// loader): the allowance above 125% of a memory limit.
const BASELINE_KB: i64 = 24 * 1024;
/// No child may run longer than this (a hang fails the test instead of blocking it).
const WATCHDOG: Duration = Duration::from_secs(40);

struct Outcome {
    /// Exit status, or `-signal` for a child killed by a signal.
    status: i32,
    stderr: String,
    max_rss_kb: i64,
    elapsed: Duration,
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mlpy-limits-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `mlpy run ARGS program.ml` on `source`; standard input is a pipe kept open and
/// empty until the child ends (a program reading it waits).
fn run(name: &str, args: &[&str], source: &str) -> Outcome {
    let dir = scratch(name);
    let program = dir.join("program.ml");
    std::fs::write(&program, source).unwrap();
    let stderr_path = dir.join("stderr");
    let started = Instant::now();
    // Reaped by `wait4` below, which also gives its peak RSS.
    #[allow(clippy::zombie_processes)]
    let mut child = Command::new(env!("CARGO_BIN_EXE_mlpy"))
        .arg("run")
        .args(args)
        .arg(&program)
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&stderr_path).unwrap())
        .spawn()
        .unwrap();
    let stdin = child.stdin.take();
    let pid = child.id() as libc::pid_t;
    let done = Arc::new(AtomicBool::new(false));
    let watchdog = {
        let done = done.clone();
        std::thread::spawn(move || {
            let until = Instant::now() + WATCHDOG;
            while Instant::now() < until {
                if done.load(Ordering::SeqCst) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            if !done.load(Ordering::SeqCst) {
                // SAFETY: plain system call on the child's pid, which is not reaped yet
                // (`done` is set only after `wait4` returned).
                #[allow(unsafe_code)]
                unsafe {
                    libc::kill(pid, libc::SIGKILL);
                }
            }
        })
    };
    let (status, max_rss_kb) = wait4(pid);
    done.store(true, Ordering::SeqCst);
    drop(stdin);
    watchdog.join().unwrap();
    let elapsed = started.elapsed();
    let stderr = std::fs::read_to_string(&stderr_path).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&dir);
    Outcome { status, stderr, max_rss_kb, elapsed }
}

/// Waits for the child `pid`: its exit status (`-signal` if a signal ended it) and its
/// peak resident set size in KiB.
fn wait4(pid: libc::pid_t) -> (i32, i64) {
    let mut status: libc::c_int = 0;
    // SAFETY: `rusage` is a plain C struct for which all-zero bytes are a valid value.
    #[allow(unsafe_code)]
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: both pointers point to live, writable locals of the right types.
        #[allow(unsafe_code)]
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            break;
        }
        assert_eq!(std::io::Error::last_os_error().kind(), std::io::ErrorKind::Interrupted);
    }
    let code =
        if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { -libc::WTERMSIG(status) };
    (code, usage.ru_maxrss)
}

/// Runs the cases in parallel; each failure is collected, then all are reported.
fn run_all(cases: Vec<(&'static str, Vec<&'static str>, String, Check)>) {
    let failures: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = cases
            .into_iter()
            .map(|(name, args, source, check)| {
                s.spawn(move || {
                    let out = run(name, &args, &source);
                    check(&out).err().map(|why| {
                        format!(
                            "{name}: {why}\n  status {}, {:.2} s, peak RSS {} KiB\n  stderr: {}",
                            out.status,
                            out.elapsed.as_secs_f64(),
                            out.max_rss_kb,
                            out.stderr.lines().take(3).collect::<Vec<_>>().join("\n          ")
                        )
                    })
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().unwrap()).collect()
    });
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

type Check = Box<dyn Fn(&Outcome) -> Result<(), String> + Send>;

fn no_crash(out: &Outcome) -> Result<(), String> {
    match out.status {
        101 => Err("panicked".into()),
        134 => Err("aborted".into()),
        70 => Err("internal error".into()),
        s if s < 0 => Err(format!("killed by signal {}", -s)),
        _ if out.stderr.contains("panicked") => Err("a thread panicked".into()),
        _ => Ok(()),
    }
}

/// Ends with status 75, the memory limit named, and a peak RSS within 125% of
/// `limit_mb` plus the baseline.
fn memory_bomb(limit_mb: i64) -> Check {
    Box::new(move |out| {
        no_crash(out)?;
        if out.status != LIMIT_EXCEEDED {
            return Err(format!("status {} instead of 75", out.status));
        }
        if !out.stderr.contains("LimitExceeded: memory limit of 64") {
            return Err("the message does not name the memory limit".into());
        }
        let allowed = limit_mb * 1024 * 5 / 4 + BASELINE_KB;
        if out.max_rss_kb > allowed {
            return Err(format!("peak RSS {} KiB over {allowed} KiB", out.max_rss_kb));
        }
        Ok(())
    })
}

/// Ends with status 75 and the time limit named, within `slack` of the 1 s limit.
fn time_bomb() -> Check {
    Box::new(|out| {
        no_crash(out)?;
        if out.status != LIMIT_EXCEEDED {
            return Err(format!("status {} instead of 75", out.status));
        }
        if !out.stderr.contains("LimitExceeded: time limit of 1") {
            return Err("the message does not name the time limit".into());
        }
        // Generous: the machine may be busy with other tests.
        if out.elapsed > Duration::from_secs(6) {
            return Err(format!("ran {:?} past a 1 s limit", out.elapsed));
        }
        Ok(())
    })
}

const MEMORY_ARGS: [&str; 4] = ["--max-memory", "64M", "--timeout", "20"];

#[test]
fn memory_bombs_end_at_the_memory_limit() {
    let bombs: [(&str, &str); 14] = [
        ("repeat_string", r#"s = "a" * 3000000000; print(len(s));"#),
        ("double_array", r#"a = [1, "x"]; while (true) { a = a + a; }"#),
        ("double_int_array", "a = [1, 2]; while (true) { a = a + a; }"),
        ("double_string", r#"s = "ab"; while (true) { s = s + s; }"#),
        ("extend_array", "a = [1, 2]; while (true) { a.extend(a); }"),
        (
            "hoard_bigints",
            "import math; x = math.pow(7, 100000); xs = []; i = 0; \
             while (true) { xs.append(x + i); i = i + 1; }",
        ),
        ("range_plus_range", "a = range(50000000) + range(50000000); print(len(a));"),
        ("repeat_array", "a = [0] * 1000000000; print(len(a));"),
        ("split_spaces", r#"p = (" " * 100000000).split(" "); print(len(p));"#),
        (
            "json_array",
            r#"import json; s = "[" + "0," * 10000000 + "0]"; a = json.parse(s); print(len(a));"#,
        ),
        (
            "compose_chain",
            "import functional; f = functional.compose(str, int); \
             while (true) { f = functional.compose(f, int); }",
        ),
        ("nested_arrays", "a = []; while (true) { a = [a, a]; }"),
        ("append_loop", "xs = []; i = 0; while (true) { xs.append(i); i = i + 1; }"),
        ("dict_growth", "d = {}; i = 0; while (true) { d[str(i)] = [i]; i = i + 1; }"),
    ];
    run_all(
        bombs
            .into_iter()
            .map(|(name, src)| (name, MEMORY_ARGS.to_vec(), src.to_owned(), memory_bomb(64)))
            .collect(),
    );
}

#[test]
fn split_of_a_string_under_the_limit_is_refused_before_it_is_built() {
    // The string fits (48 MB), its 48M one-character pieces (56 bytes each) do not.
    run_all(vec![(
        "split_fits",
        MEMORY_ARGS.to_vec(),
        r#"s = " " * 48000000; p = s.split(" "); print(len(p));"#.to_owned(),
        memory_bomb(64),
    )]);
}

#[test]
fn time_bombs_end_at_the_time_limit() {
    let bombs: [(&str, &str); 11] = [
        ("factorial", "import math; print(len(str(math.factorial(10000000))));"),
        ("pow_to_str", "import math; print(len(str(math.pow(3, 100000000))));"),
        (
            "unique_unhashable",
            "import collections; xs = []; for (i in range(200000)) { xs.append([i]); } \
             print(len(collections.unique(xs)));",
        ),
        ("int_parse_loop", r#"s = "9" * 3000000; while (true) { x = int(s); }"#),
        ("squaring", "x = 3; while (true) { x = x * x; }"),
        (
            "sorting",
            "import collections; xs = range(3000000); \
             while (true) { ys = collections.sort(xs, true); }",
        ),
        ("input", "x = input(); print(x);"),
        ("plain_loop", "i = 0; while (true) { i = i + 1; }"),
        ("str_of_big", "import math; x = math.pow(3, 20000000); while (true) { s = str(x); }"),
        ("print_big", "import math; x = math.pow(3, 20000000); while (true) { print(x); }"),
        (
            "division",
            "import math; x = math.pow(3, 6000000); y = math.pow(7, 1500000); \
             while (true) { z = x // y; w = x % y; }",
        ),
    ];
    run_all(
        bombs
            .into_iter()
            .map(|(name, src)| {
                (name, vec!["--timeout", "1", "--max-memory", "1G"], src.to_owned(), time_bomb())
            })
            .collect(),
    );
}

#[test]
fn a_profile_is_written_after_a_timeout() {
    let dir = scratch("profile");
    let out = dir.join("out.json");
    let outcome = run(
        "profile_timeout",
        &["--timeout", "1", "--profile-output", out.to_str().unwrap()],
        "import math; print(len(str(math.factorial(10000000))));",
    );
    assert_eq!(outcome.status, LIMIT_EXCEEDED, "{}", outcome.stderr);
    let text = std::fs::read_to_string(&out).expect("the profile was written");
    assert!(text.contains("\"functions\"") || text.starts_with('{'), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fast_big_int_conversions() {
    // 1,000,000 digits each way (tests run a lightly optimised build: release takes
    // 0.6 s for 3,000,000 digits, 25 s before the subquadratic parser).
    let outcome = run(
        "conversions",
        &["--timeout", "60"],
        r#"x = int("7" * 1000000); s = str(x); print(len(s));"#,
    );
    assert_eq!(outcome.status, 0, "{}", outcome.stderr);
}

/// Recursion through a native that calls back into ML, a million levels deep, under
/// `--max-depth 400000`: the run ends with `RecursionError` or at the memory limit (the
/// Rust stack of nested calls counts), never with a stack overflow.
#[test]
fn reentrant_recursion_never_overflows_the_rust_stack() {
    let paths: [(&str, &str); 8] = [
        ("call", "function f(n) { if (n == 0) { return 0; } return call(f, n - 1) + 1; }"),
        (
            "memoize",
            "import functional; g = null; \
             function f(n) { if (n == 0) { return 0; } return g(n - 1) + 1; } \
             g = functional.memoize(f);",
        ),
        (
            "sort_by",
            "import collections; function f(n) { if (n == 0) { return 0; } \
             collections.sortBy([n], fn(x) => f(n - 1)); return n; }",
        ),
        (
            "compose",
            "import functional; function f(n) { if (n == 0) { return 0; } \
             h = functional.compose(fn(x) => x + 1, f); return h(n - 1); }",
        ),
        (
            "map",
            "import functional; \
             function f(n) { if (n == 0) { return 0; } return functional.map(f, [n - 1])[0] + 1; }",
        ),
        (
            "filter",
            "import functional; function f(n) { if (n == 0) { return true; } \
             return len(functional.filter(fn(x) => f(x), [n - 1])) >= 0; }",
        ),
        (
            "reduce",
            "import functional; function f(n) { if (n == 0) { return 0; } \
             return functional.reduce(fn(acc, x) => f(x), [n - 1], 0) + 1; }",
        ),
        (
            "partial",
            "import functional; function f(n) { if (n == 0) { return 0; } \
             p = functional.partial(f, n - 1); return p() + 1; }",
        ),
    ];
    let check = |limit_mb: i64| -> Check {
        Box::new(move |out| {
            no_crash(out)?;
            let recursion = out.status == RUNTIME_ERROR && out.stderr.contains("RecursionError");
            let memory =
                out.status == LIMIT_EXCEEDED && out.stderr.contains("LimitExceeded: memory limit");
            if !recursion && !memory {
                return Err(format!("status {}: neither RecursionError nor the limit", out.status));
            }
            let allowed = limit_mb * 1024 * 5 / 4 + BASELINE_KB;
            if out.max_rss_kb > allowed {
                return Err(format!("peak RSS {} KiB over {allowed} KiB", out.max_rss_kb));
            }
            Ok(())
        })
    };
    let mut cases = Vec::new();
    for (name, def) in paths {
        let call = if name == "memoize" { "g" } else { "f" };
        let src = format!("{def}\nprint({call}(1000000));");
        cases.push((
            name,
            vec!["--max-depth", "400000", "--max-memory", "128M", "--timeout", "30"],
            src.clone(),
            check(128),
        ));
        if name == "call" || name == "sort_by" {
            let profiled: &'static str =
                if name == "call" { "call_profiled" } else { "sort_by_profiled" };
            cases.push((
                profiled,
                vec![
                    "--max-depth",
                    "400000",
                    "--max-memory",
                    "128M",
                    "--profile",
                    "--report",
                    "ml-summary",
                ],
                src,
                check(128 + 32),
            ));
        }
    }
    run_all(cases);
}

#[test]
fn the_message_uses_binary_units_without_the_users_spelling() {
    // The CLI passes the user's spelling when it has one; otherwise sizes read `64 MiB`.
    let out = run("units", &["--max-memory", "64M"], r#"s = "a" * 3000000000;"#);
    assert_eq!(out.status, LIMIT_EXCEEDED, "{}", out.stderr);
    assert!(out.stderr.contains("needs 2.8 GiB more"), "{}", out.stderr);
}
