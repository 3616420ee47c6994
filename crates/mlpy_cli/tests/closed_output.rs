//! A reader that goes away ends `mlpy` promptly and quietly, like other Unix tools: the
//! exit status is 74 (README's table), nothing panics, and no error report is printed.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const OUTPUT_FAILED: i32 = 74;

fn spawn(args: &[&str], dir: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_mlpy"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits for `child` at most `limit`; kills it and fails the test if it runs longer.
fn wait_within(child: &mut Child, limit: Duration) -> (i32, String) {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut stderr = String::new();
            child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
            return (status.code().unwrap_or(-1), stderr);
        }
        if start.elapsed() > limit {
            child.kill().unwrap();
            panic!("mlpy did not end within {limit:?} after its output was closed");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn temp_program(name: &str, source: &str) -> tempdir::Dir {
    let dir = tempdir::Dir::new(name);
    std::fs::write(dir.path().join("main.ml"), source).unwrap();
    dir
}

/// A tiny self-cleaning temporary directory (no extra dependency for one test file).
mod tempdir {
    use std::path::{Path, PathBuf};

    pub struct Dir(PathBuf);

    impl Dir {
        pub fn new(name: &str) -> Dir {
            let path = std::env::temp_dir()
                .join(format!("mlpy-closed-output-{name}-{}", std::process::id()));
            std::fs::create_dir_all(&path).unwrap();
            Dir(path)
        }

        pub fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// The shapes of output a program can produce without end: `print`, `console.log`, and
/// the prompt of `input` (standard input is empty here, so only output loops).
#[test]
fn an_endless_printer_ends_when_its_reader_goes_away() {
    let programs = [
        ("print", "while (true) { print(\"y\"); }"),
        ("print_many", "i = 0; while (true) { print(i, [i], {k: i}); i = i + 1; }"),
        ("console", "import console; while (true) { console.log(\"y\"); }"),
        (
            "caught",
            // Closed output is not an error a program can catch and ignore.
            "while (true) { try { print(\"y\"); } except (e) { } }",
        ),
        ("finally", "while (true) { try { print(\"y\"); } finally { x = 1; } }"),
    ];
    for (name, source) in programs {
        let dir = temp_program(name, source);
        let mut child = spawn(&["run", "main.ml"], dir.path());
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
        assert!(!first.is_empty(), "{name}: no output before the pipe closed");
        // The reader (and the pipe's only read end) is dropped here.
        let (code, stderr) = wait_within(&mut child, Duration::from_secs(20));
        assert_eq!(code, OUTPUT_FAILED, "{name}: stderr: {stderr}");
        assert_eq!(stderr, "", "{name}: a closed pipe is ended quietly");
    }
}

#[test]
fn the_commands_own_output_to_a_closed_pipe_does_not_panic() {
    let dir = temp_program("help", "print(1);");
    for args in [&["--help"][..], &["--version"], &["compile", "main.ml", "--disasm"]] {
        let mut child = spawn(args, dir.path());
        drop(child.stdout.take());
        let (code, stderr) = wait_within(&mut child, Duration::from_secs(20));
        // Whether the text was written before the pipe closed is a race: either outcome
        // is fine, a panic (101) or an internal error (70) is not.
        assert!(code == 0 || code == OUTPUT_FAILED, "{args:?}: status {code}, stderr: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_runtime_error_outranks_closed_output() {
    let dir = temp_program("error", "print(\"a\"); x = 1 / 0;");
    let mut child = spawn(&["run", "main.ml"], dir.path());
    drop(child.stdout.take());
    let (code, stderr) = wait_within(&mut child, Duration::from_secs(20));
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("ZeroDivisionError"), "{stderr}");
}
