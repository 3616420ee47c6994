//! The `mlpy` command line end to end: usage errors (short, with a did-you-mean, exit 64),
//! `--help`, shell completions, `run -`, and output that is safe to show (escaped control
//! characters, a capped number of diagnostics, folded recursion traces).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

mod support;
use support::{stderr, stdout, Dir};

const USAGE: i32 = 64;
const STATIC_REJECTION: i32 = 65;

/// Runs `mlpy ARGS` in `dir` with `stdin` as its standard input.
fn mlpy_in(dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mlpy"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start mlpy");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn mlpy(args: &[&str]) -> Output {
    mlpy_in(&std::env::temp_dir(), args, "")
}

/// No control character but line feed and tab reaches the terminal.
fn assert_safe(text: &str) {
    for c in text.chars() {
        assert!(c == '\n' || c == '\t' || !c.is_control(), "{c:?} shown in:\n{text:?}");
    }
}

#[test]
fn usage_errors_are_short_with_a_pointer_to_help() {
    for args in [
        &["run", "main.ml", "--alow-read"][..],
        &["run"],
        &[],
        &["frobnicate"],
        &["run", "main.ml", "extra.ml"],
        &["run", "main.ml", "--timeout", "1e30"],
        &["run", "main.ml", "--timeout", "nan"],
        &["run", "main.ml", "--timeout=-1"],
        &["run", "main.ml", "--max-memory", "0"],
        &["run", "main.ml", "--max-memory", "lots"],
        &["run", "main.ml", "--max-depth", "0"],
        &["run", "main.ml", "--report", "everything"],
        &["completions", "tcsh"],
    ] {
        let out = mlpy(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(USAGE), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}: nothing on stdout");
        assert!(err.contains("--help"), "{args:?}: no pointer to --help:\n{err}");
        assert!(err.lines().count() <= 8, "{args:?}: not short:\n{err}");
        assert!(!err.contains("Exit status"), "{args:?}: the whole help was printed:\n{err}");
    }
}

#[test]
fn a_mistyped_option_or_command_gets_a_suggestion() {
    let err = stderr(&mlpy(&["run", "main.ml", "--alow-read"]));
    assert!(err.contains("'--alow-read'") && err.contains("'--allow-read'"), "{err}");
    let err = stderr(&mlpy(&["run", "--max-mem=1G", "main.ml"]));
    assert!(err.contains("'--max-memory'"), "{err}");
    let err = stderr(&mlpy(&["chek", "main.ml"]));
    assert!(err.contains("'check'"), "{err}");
}

#[test]
fn numeric_errors_say_what_is_allowed() {
    let err = stderr(&mlpy(&["run", "m.ml", "--timeout", "1e30"]));
    assert!(err.contains("at most 2592000 seconds"), "{err}");
    let err = stderr(&mlpy(&["run", "m.ml", "--max-memory", "0"]));
    assert!(err.contains("more than 0"), "{err}");
    let err = stderr(&mlpy(&["run", "m.ml", "--max-memory", "12X"]));
    assert!(err.contains("MiB") && err.contains("MB"), "{err}");
}

#[test]
fn help_documents_every_exit_status() {
    for args in [&["--help"][..], &["run", "--help"], &["help", "run"]] {
        let out = mlpy(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let help = stdout(&out);
        for status in ["0", "1", "64", "65", "70", "74", "75"] {
            assert!(help.contains(&format!("\n  {status} ")), "{args:?}: {status}\n{help}");
        }
    }
    let out = mlpy(&["--version"]);
    assert!(stdout(&out).starts_with("mlpy "), "{}", stdout(&out));
}

#[test]
fn completions_for_bash() {
    let out = mlpy(&["completions", "bash"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let script = stdout(&out);
    assert!(script.contains("complete") && script.contains("_mlpy"), "{script}");
    for word in ["run", "check", "--allow-read", "--max-memory", "--timeout"] {
        assert!(script.contains(word), "`{word}` missing from the bash completions");
    }
    for shell in ["zsh", "fish"] {
        let out = mlpy(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        assert!(stdout(&out).contains("allow-read"), "{shell}");
    }
}

#[test]
fn run_dash_reads_the_program_from_standard_input() {
    let dir = Dir::new("cli", "stdin");
    dir.file("helper.ml", "GREETING = \"hi\";\n");
    // Imports are found from the working directory.
    let program = "import helper;\nprint(helper.GREETING, 1 + 2);\n";
    let out = mlpy_in(dir.path(), &["run", "-", "--", "a", "--b"], program);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "hi 3\n");

    // The program is all of standard input: `input()` meets the end of input.
    let out = mlpy_in(dir.path(), &["run", "-"], "x = input();\nprint(x);\n");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("IOError") && err.contains("end of input"), "{err}");
    assert!(err.contains("(<stdin>:1:"), "{err}");

    // Diagnostics name it `<stdin>`.
    let out = mlpy_in(dir.path(), &["run", "-"], "print(1)\n");
    assert_eq!(out.status.code(), Some(STATIC_REJECTION));
    let err = stderr(&out);
    assert!(err.contains("--> <stdin>:1:9"), "{err}");
    assert!(err.contains("mlpy: <stdin> was rejected"), "{err}");

    let out = mlpy_in(dir.path(), &["check", "-"], "print(1);\n");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "<stdin>: no problems found\n");
    // An empty standard input is an empty program.
    let out = mlpy_in(dir.path(), &["run", "-"], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn control_characters_in_a_syntax_error_excerpt_are_escaped() {
    let dir = Dir::new("cli", "escape-static");
    // A raw ESC, BEL, CR and backspace inside a string literal, then a syntax error.
    dir.file("main.ml", "s = \"\x1b]0;owned\x07\x1b[2J\r\x08\"; x = ;\n");
    let out = mlpy_in(dir.path(), &["run", "main.ml"], "");
    assert_eq!(out.status.code(), Some(STATIC_REJECTION));
    let err = stderr(&out);
    assert_safe(&err);
    assert!(err.contains("\"\\u{1b}]0;owned\\u{7}\\u{1b}[2J\\u{d}\\u{8}\""), "{err}");
    // The caret is still under `;` of `x = ;`.
    let lines: Vec<&str> = err.lines().collect();
    let caret = lines.iter().position(|l| l.trim_end().ends_with('^')).unwrap();
    let at = lines[caret].find('^').unwrap();
    assert_eq!(&lines[caret - 1][at..at + 1], ";", "{err}");
}

#[test]
fn control_characters_in_an_uncaught_error_are_escaped() {
    let dir = Dir::new("cli", "escape-runtime");
    dir.file(
        "main.ml",
        "o = {};\nk = \"\\x1b[31mred\";\ntry { o[k]; } except (e) { print(\"caught\"); }\n\
         throw {message: \"bad \\x1b[2J\\x07 value\", type: \"Custom\\x1b[0m\"};\n",
    );
    let out = mlpy_in(dir.path(), &["run", "main.ml"], "");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "caught\n");
    let err = stderr(&out);
    assert_safe(&err);
    assert!(err.starts_with("Custom\\u{1b}[0m: bad \\u{1b}[2J\\u{7} value\n"), "{err}");
    assert!(err.contains("at <module> (main.ml:4:"), "{err}");
}

#[test]
fn the_number_of_diagnostics_is_capped() {
    let dir = Dir::new("cli", "cap");
    let source: String = (0..70).map(|i| format!("print(undefined_{i});\n")).collect();
    dir.file("main.ml", &source);
    let out = mlpy_in(dir.path(), &["check", "main.ml"], "");
    assert_eq!(out.status.code(), Some(STATIC_REJECTION));
    let err = stderr(&out);
    assert_eq!(err.matches("error[").count(), 50, "{err}");
    assert!(err.contains("mlpy: 20 more errors not shown"), "{err}");
    assert!(err.contains("rejected (70 errors)"), "{err}");
}

#[test]
fn a_recursion_error_trace_folds_repeated_frames() {
    let dir = Dir::new("cli", "recursion");
    dir.file("main.ml", "function down(n) {\n    return down(n + 1);\n}\ndown(0);\n");
    let out = mlpy_in(dir.path(), &["run", "main.ml", "--max-depth", "500"], "");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("RecursionError:"), "{err}");
    assert_eq!(err.matches("at down (main.ml:2:").count(), 3, "{err}");
    assert!(err.contains("[Previous line repeated 496 more times]"), "{err}");
    assert!(err.lines().count() < 10, "{err}");

    // Mutual recursion folds the cycle.
    dir.file(
        "mutual.ml",
        "function ping(n) { return pong(n); }\nfunction pong(n) { return ping(n); }\nping(1);\n",
    );
    let out = mlpy_in(dir.path(), &["run", "mutual.ml", "--max-depth", "100"], "");
    let err = stderr(&out);
    assert!(err.contains("[Previous 2 lines repeated"), "{err}");
    assert!(err.lines().count() < 10, "{err}");
}
