//! Where profiles go (issue 11): every format by extension and by `--profile-format`,
//! `-` for standard output, repeated outputs, destinations checked before the program
//! runs (a usage error, and nothing runs), a profile that cannot be written after the run
//! (a non-zero status, and which status wins), `profile show` conversions, `--clock cpu`
//! and `--timeline`.

mod support;

use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;
use support::{mlpy_in, stderr, stdout, Dir};

const USAGE: i32 = 64;
const OUTPUT_FAILED: i32 = 74;
const LIMIT_EXCEEDED: i32 = 75;
const RUNTIME_ERROR: i32 = 1;

/// A program that shows it ran: it prints.
const PROGRAM: &str = "\
function square(n) { return n * n; }
total = 0;
for (i in range(200)) { total = total + square(i); }
print(total);
";
const PROGRAM_OUTPUT: &str = "2646700\n";

/// Every format: its extension, its `--profile-format` name, and what its file looks
/// like (checked when the exporter writes anything).
const FORMATS: [(&str, &str, Shape); 9] = [
    (".txt", "text", Shape::Text),
    (".json", "json", Shape::Json),
    (".prof", "prof", Shape::Pstats),
    (".pb.gz", "pprof", Shape::Gzip),
    (".speedscope.json", "speedscope", Shape::Speedscope),
    (".folded", "folded", Shape::Folded),
    (".svg", "svg", Shape::Svg),
    (".trace.json", "trace", Shape::Trace),
    (".html", "html", Shape::Html),
];

#[derive(Clone, Copy, Debug)]
enum Shape {
    Text,
    Json,
    Pstats,
    Gzip,
    Speedscope,
    Folded,
    Svg,
    Trace,
    Html,
}

impl Shape {
    /// Whether `bytes` look like a file of this shape. The text reports and the JSON
    /// profile are always written; the other exporters may still write nothing (they are
    /// filled in separately), and then only the file's presence is checked.
    fn check(self, bytes: &[u8]) -> Result<(), String> {
        let text = String::from_utf8_lossy(bytes);
        let ok = match self {
            Shape::Text => text.starts_with("ML CODE PERFORMANCE SUMMARY"),
            Shape::Json => serde_json::from_slice::<Value>(bytes)
                .is_ok_and(|v| v["schema"] == "mlpy-profile/1"),
            _ if bytes.is_empty() => true,
            // marshal's dict type code, with or without its reference flag.
            Shape::Pstats => matches!(bytes[0], b'{' | 0xfb),
            Shape::Gzip => bytes.starts_with(&[0x1f, 0x8b]),
            Shape::Speedscope => text.contains("speedscope"),
            Shape::Folded => text.lines().all(|l| {
                l.rsplit_once(' ')
                    .is_some_and(|(stack, n)| !stack.is_empty() && n.parse::<u64>().is_ok())
            }),
            Shape::Svg => text.contains("<svg"),
            Shape::Trace => text.contains("traceEvents") || text.trim_start().starts_with('['),
            Shape::Html => text.to_ascii_lowercase().contains("<html"),
        };
        if ok {
            Ok(())
        } else {
            let head: String = text.chars().take(200).collect();
            Err(format!("not a {self:?} file: {head:?}"))
        }
    }
}

/// A directory holding `prog.ml`.
fn with_program(name: &str) -> Dir {
    let dir = Dir::new("profile-outputs", name);
    dir.file("prog.ml", PROGRAM);
    dir
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("`{}` was not written: {e}", path.display()))
}

#[test]
fn every_format_by_its_extension_in_one_run() {
    let dir = with_program("by_extension");
    let mut args = vec!["run".to_owned(), "prog.ml".to_owned()];
    for (ext, _, _) in FORMATS {
        args.push("--profile-output".into());
        args.push(format!("out/p{ext}"));
    }
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = mlpy_in(dir.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), PROGRAM_OUTPUT);
    assert_eq!(stderr(&out), "", "the profile goes to the files, not to stderr");
    for (ext, _, shape) in FORMATS {
        let path = dir.path().join(format!("out/p{ext}"));
        if let Err(e) = shape.check(&read(&path)) {
            panic!("p{ext}: {e}");
        }
    }
    // Nothing else: no temporary file is left behind.
    assert_eq!(std::fs::read_dir(dir.path().join("out")).unwrap().count(), FORMATS.len());
}

#[test]
fn every_format_by_profile_format_for_an_output_without_a_known_extension() {
    let dir = with_program("by_option");
    for (_, name, shape) in FORMATS {
        let file = format!("p-{name}.out");
        let out = mlpy_in(
            dir.path(),
            &["run", "prog.ml", "--profile-output", &file, "--profile-format", name],
        );
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        if let Err(e) = shape.check(&read(&dir.path().join(&file))) {
            panic!("--profile-format {name}: {e}");
        }
    }
    // A known extension keeps its format whatever `--profile-format` says; the option
    // decides the others.
    let out = mlpy_in(
        dir.path(),
        &[
            "run",
            "prog.ml",
            "--profile-format",
            "json",
            "--profile-output",
            "a.txt",
            "--profile-output",
            "b.data",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    Shape::Text.check(&read(&dir.path().join("a.txt"))).unwrap();
    Shape::Json.check(&read(&dir.path().join("b.data"))).unwrap();
}

#[test]
fn standard_output_takes_the_text_reports_or_the_format_given() {
    let dir = with_program("stdout");
    // The reports follow the program's own output on standard output.
    let out = mlpy_in(dir.path(), &["run", "prog.ml", "--profile-output", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let report = text.strip_prefix(PROGRAM_OUTPUT).expect("the program's output comes first");
    assert!(report.starts_with("ML CODE PERFORMANCE SUMMARY"), "{report}");
    assert_eq!(stderr(&out), "");

    let out = mlpy_in(
        dir.path(),
        &["run", "prog.ml", "--profile-output", "-", "--profile-format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let json = text.strip_prefix(PROGRAM_OUTPUT).expect("the program's output comes first");
    let profile: Value = serde_json::from_str(json).expect("JSON on standard output");
    assert_eq!(profile["program"], "prog.ml");

    // With other outputs: each gets the whole profile in its own format.
    let out = mlpy_in(
        dir.path(),
        &["run", "prog.ml", "--profile-output", "p.json", "--profile-output", "-"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("ML CODE PERFORMANCE SUMMARY"));
    Shape::Json.check(&read(&dir.path().join("p.json"))).unwrap();

    // A device is written in place, as before.
    let out = mlpy_in(dir.path(), &["run", "prog.ml", "--profile-output", "/dev/stdout"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("ML CODE PERFORMANCE SUMMARY"));
}

#[test]
#[cfg(target_os = "linux")]
fn dev_stdout_redirected_to_a_file_is_appended_to_not_replaced() {
    // `/dev/stdout` is a link to `/proc/self/fd/1`, here a regular file: the profile
    // follows the program's output in it, and the link stays.
    let dir = with_program("dev_stdout_file");
    let file = std::fs::File::create(dir.path().join("captured.txt")).unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_mlpy"))
        .args(["run", "prog.ml", "--profile-output", "/dev/stdout"])
        .current_dir(dir.path())
        .stdout(file)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    let text = String::from_utf8(read(&dir.path().join("captured.txt"))).unwrap();
    let report = text.strip_prefix(PROGRAM_OUTPUT).unwrap_or_else(|| panic!("{text}"));
    assert!(report.starts_with("ML CODE PERFORMANCE SUMMARY"), "{report}");
    let link = std::fs::symlink_metadata("/dev/stdout").unwrap();
    assert!(link.file_type().is_symlink(), "/dev/stdout was replaced");
}

#[test]
#[cfg(unix)]
fn a_binary_format_is_not_written_to_a_terminal() {
    // `script` gives the child a terminal for standard output.
    let dir = with_program("terminal");
    let mlpy = env!("CARGO_BIN_EXE_mlpy");
    let command = format!("{mlpy} run prog.ml --profile-output - --profile-format pprof");
    let Ok(out) = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .output()
    else {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return;
    };
    let all = stdout(&out);
    assert_eq!(out.status.code(), Some(USAGE), "{all}");
    assert!(
        all.contains(
            "mlpy: the pprof profile is binary and standard output is a terminal: redirect it \
             (`> profile.pb.gz`) or name a file with `--profile-output`; nothing was run"
        ),
        "{all}"
    );
    assert!(!all.contains(PROGRAM_OUTPUT.trim()), "the program ran:\n{all}");
    // Through a pipe, it is written.
    let out = mlpy_in(
        dir.path(),
        &["run", "prog.ml", "--profile-output", "-", "--profile-format", "pprof"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let profile = out.stdout.strip_prefix(PROGRAM_OUTPUT.as_bytes()).expect("program first");
    Shape::Gzip.check(profile).unwrap();
}

/// A directory where no file can be made, even by root: a read-only directory when
/// permissions hold for this user, else `/sys` (a file system that refuses new files).
fn unwritable_dir(dir: &Dir) -> Option<std::path::PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    let refuses = |d: &Path| std::fs::write(d.join("probe"), "").is_err();
    if refuses(&ro) {
        return Some(ro);
    }
    let _ = std::fs::remove_file(ro.join("probe"));
    let sys = Path::new("/sys");
    if sys.is_dir() && refuses(sys) {
        eprintln!("note: running with privileges that ignore permissions; using /sys");
        return Some(sys.to_path_buf());
    }
    eprintln!("skipped: no directory refuses new files to this user");
    None
}

#[test]
#[cfg(unix)]
fn unwritable_destinations_are_usage_errors_and_nothing_runs() {
    let dir = with_program("bad_paths");
    let d = dir.path().display().to_string();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    std::fs::create_dir(dir.path().join("dir.json")).unwrap();
    let ro = unwritable_dir(&dir);
    let mut cases: Vec<(&str, Vec<String>, String)> = vec![
        (
            "a directory that does not exist",
            vec![format!("{d}/missing/p.json")],
            format!(
                "mlpy: cannot write the profile to `{d}/missing/p.json`: the directory \
                 `{d}/missing` does not exist (create it first); nothing was run\n"
            ),
        ),
        (
            "the issue's example",
            vec!["/nonexistent/dir/p.json".into()],
            "mlpy: cannot write the profile to `/nonexistent/dir/p.json`: the directory \
             `/nonexistent/dir` does not exist (create it first); nothing was run\n"
                .into(),
        ),
        (
            "a directory as the target",
            vec!["out".into()],
            "mlpy: cannot write the profile to `out`: it is a directory (name a file in it, \
             such as `out/profile.json`); nothing was run\n"
                .into(),
        ),
        (
            "a directory with a profile's extension",
            vec!["dir.json".into()],
            "mlpy: cannot write the profile to `dir.json`: it is a directory (name a file in \
             it, such as `dir.json/profile.json`); nothing was run\n"
                .into(),
        ),
        (
            "a file as the directory",
            vec!["prog.ml/p.json".into()],
            "mlpy: cannot write the profile to `prog.ml/p.json`: `prog.ml` is not a \
             directory; nothing was run\n"
                .into(),
        ),
        (
            "the same path twice",
            vec!["p.json".into(), "out/p.svg".into(), "p.json".into()],
            "mlpy: `p.json` is given twice to `--profile-output`: each output needs its own \
             file; nothing was run\n"
                .into(),
        ),
        (
            "the same file spelled two ways",
            vec!["out/p.json".into(), "./out/../out/p.json".into()],
            "mlpy: `./out/../out/p.json` is given twice to `--profile-output` (as \
             `out/p.json`): each output needs its own file; nothing was run\n"
                .into(),
        ),
        (
            "standard output twice",
            vec!["-".into(), "-".into()],
            "mlpy: standard output is given twice to `--profile-output`: each output needs \
             its own file; nothing was run\n"
                .into(),
        ),
    ];
    if let Some(ro) = &ro {
        let ro = ro.display();
        cases.push((
            "a directory that cannot be written",
            vec![format!("{ro}/p.json")],
            format!(
                "mlpy: cannot write the profile to `{ro}/p.json`: the directory `{ro}` is not \
                 writable (permission denied); nothing was run\n"
            ),
        ));
    }
    for (what, outputs, message) in cases {
        let mut args = vec!["run", "prog.ml"];
        for o in &outputs {
            args.extend(["--profile-output", o.as_str()]);
        }
        let out = mlpy_in(dir.path(), &args);
        assert_eq!(out.status.code(), Some(USAGE), "{what}: {}", stderr(&out));
        assert_eq!(stderr(&out), message, "{what}");
        assert_eq!(stdout(&out), "", "{what}: the program ran");
        // Nothing was even compiled (no bytecode cache) or written.
        let mut left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        // (`ro` is made even when it turns out not to refuse files.)
        assert_eq!(left, ["dir.json", "out", "prog.ml", "ro"], "{what}: files appeared");
        assert_eq!(std::fs::read_dir(dir.path().join("out")).unwrap().count(), 0, "{what}");
    }
}

#[test]
fn an_output_without_a_known_extension_names_the_extensions() {
    let dir = with_program("no_extension");
    let out = mlpy_in(dir.path(), &["run", "prog.ml", "--profile-output", "p.out"]);
    assert_eq!(out.status.code(), Some(USAGE));
    let err = stderr(&out);
    assert!(
        err.contains(
            "cannot tell the format of `p.out` from its extension: use one of .txt .json .prof \
             .pb.gz .speedscope.json .folded .svg .trace.json .html, or give `--profile-format`"
        ),
        "{err}"
    );
    assert!(err.contains("--help"), "{err}");
    assert_eq!(stdout(&out), "");
}

/// The program used to test what happens after the run, with its expected status alone.
struct Ending {
    name: &'static str,
    source: &'static str,
    args: &'static [&'static str],
    status: i32,
}

const ENDINGS: [Ending; 3] = [
    Ending { name: "success", source: "print(1);\n", args: &[], status: 0 },
    Ending {
        name: "runtime error",
        source: "print(1);\nthrow {message: \"no\"};\n",
        args: &[],
        status: RUNTIME_ERROR,
    },
    Ending {
        name: "time limit",
        source: "print(1);\nx = 0;\nwhile (true) { x = x + 1; }\n",
        args: &["--timeout", "0.2"],
        status: LIMIT_EXCEEDED,
    },
];

#[test]
#[cfg(target_os = "linux")]
fn a_profile_not_written_after_the_run_makes_the_status_non_zero() {
    // `/dev/full` passes the checks (it opens) and fails the write (the disk is full).
    // The precedence (README, "Exit status"): a limit, then a runtime error, then a
    // profile that could not be written; a good profile changes nothing.
    let dir = Dir::new("profile-outputs", "write_failure");
    for ending in ENDINGS {
        dir.file("prog.ml", ending.source);
        for (output, failed) in [("/dev/full", true), ("p.json", false)] {
            let mut args = vec!["run", "prog.ml", "--profile-output", output];
            args.extend_from_slice(ending.args);
            let out = mlpy_in(dir.path(), &args);
            let expected = if failed && ending.status == 0 { OUTPUT_FAILED } else { ending.status };
            let what = format!("{} with {output}", ending.name);
            assert_eq!(out.status.code(), Some(expected), "{what}: {}", stderr(&out));
            assert_eq!(stdout(&out), "1\n", "{what}");
            let message = "mlpy: cannot write the profile to `/dev/full`: no space left on \
                           device; the profile is lost\n";
            assert_eq!(stderr(&out).ends_with(message), failed, "{what}: {}", stderr(&out));
        }
    }
}

#[test]
fn a_directory_removed_during_the_run_loses_the_profile_loudly() {
    let dir = Dir::new("profile-outputs", "removed_dir");
    dir.file("prog.ml", "import path;\npath.removeDir(\"out\");\nprint(\"removed\");\n");
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let out =
        mlpy_in(dir.path(), &["run", "prog.ml", "--allow-write", "--profile-output", "out/p.json"]);
    assert_eq!(out.status.code(), Some(OUTPUT_FAILED), "{}", stderr(&out));
    assert_eq!(stdout(&out), "removed\n");
    assert_eq!(
        stderr(&out),
        "mlpy: cannot write the profile to `out/p.json`: no such file or directory (the \
         directory `out` no longer exists); the profile is lost\n"
    );
}

#[test]
fn profile_show_converts_a_saved_profile() {
    let dir = with_program("show");
    let out = mlpy_in(
        dir.path(),
        &[
            "run",
            "prog.ml",
            "--report",
            "raw",
            "--profile-output",
            "p.json",
            "--profile-output",
            "p.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let saved = String::from_utf8(read(&dir.path().join("p.json"))).unwrap();

    // The text reports on standard output, by default and through `-`.
    let shown = mlpy_in(dir.path(), &["profile", "show", "p.json", "--report", "raw"]);
    assert_eq!(shown.status.code(), Some(0), "{}", stderr(&shown));
    assert_eq!(stdout(&shown).as_bytes(), read(&dir.path().join("p.txt")));
    let dashed = mlpy_in(
        dir.path(),
        &["profile", "show", "p.json", "--report", "raw", "--profile-output", "-"],
    );
    assert_eq!(stdout(&dashed), stdout(&shown));

    // JSON to JSON gives the same file.
    let json = mlpy_in(
        dir.path(),
        &["profile", "show", "p.json", "--profile-output", "-", "--profile-format", "json"],
    );
    assert_eq!(json.status.code(), Some(0), "{}", stderr(&json));
    assert_eq!(stdout(&json), saved);

    // To files, each in its extension's format.
    std::fs::create_dir(dir.path().join("conv")).unwrap();
    let mut args = vec!["profile".to_owned(), "show".into(), "p.json".into()];
    for (ext, _, _) in FORMATS {
        args.extend(["--profile-output".to_owned(), format!("conv/p{ext}")]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let conv = mlpy_in(dir.path(), &args);
    assert_eq!(conv.status.code(), Some(0), "{}", stderr(&conv));
    assert_eq!(stdout(&conv), "", "converted to files only");
    for (ext, _, shape) in FORMATS {
        if let Err(e) = shape.check(&read(&dir.path().join(format!("conv/p{ext}")))) {
            panic!("conv/p{ext}: {e}");
        }
    }
    assert_eq!(read(&dir.path().join("conv/p.json")), saved.as_bytes());

    // The same checks of the destinations, before anything is read.
    let bad = mlpy_in(dir.path(), &["profile", "show", "p.json", "--profile-output", "no/p.svg"]);
    assert_eq!(bad.status.code(), Some(USAGE));
    assert_eq!(
        stderr(&bad),
        "mlpy: cannot write the profile to `no/p.svg`: the directory `no` does not exist \
         (create it first)\n"
    );
    let full = mlpy_in(dir.path(), &["profile", "show", "p.json", "--profile-output", "/dev/full"]);
    assert_eq!(full.status.code(), Some(OUTPUT_FAILED), "{}", stderr(&full));
}

fn profiler_clock(dir: &Dir, extra: &[&str]) -> String {
    let mut args = vec!["run", "prog.ml", "--profile-output", "p.json"];
    args.extend_from_slice(extra);
    let out = mlpy_in(dir.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{extra:?}: {}", stderr(&out));
    let profile: Value = serde_json::from_slice(&read(&dir.path().join("p.json"))).unwrap();
    profile["profiler"]["clock"].as_str().expect("profiler.clock").to_owned()
}

#[test]
#[cfg(target_os = "linux")]
fn clock_cpu_times_the_run_with_the_threads_cpu_clock() {
    let dir = with_program("clock");
    // `tsc-thread-cpu` where the TSC carries it, `thread-cpu` where every read is the OS's.
    let cpu = profiler_clock(&dir, &["--clock", "cpu"]);
    assert!(cpu.ends_with("thread-cpu"), "{cpu}");
    let wall = profiler_clock(&dir, &["--clock", "wall"]);
    assert!(!wall.contains("cpu"), "{wall}");
    assert_eq!(profiler_clock(&dir, &[]), wall, "wall is the default");
}

#[test]
fn timeline_and_the_report_options_are_accepted() {
    let dir = with_program("timeline");
    for extra in [
        &["--timeline"][..],
        &["--timeline-cap", "10"],
        &["--limit", "1", "--report", "raw", "--sort", "tottime"],
        &["--flame", "memory"],
    ] {
        let mut args = vec!["run", "prog.ml", "--profile-output", "p.trace.json"];
        args.extend_from_slice(extra);
        args.extend(["--profile-output", "p.folded"]);
        let out = mlpy_in(dir.path(), &args);
        assert_eq!(out.status.code(), Some(0), "{extra:?}: {}", stderr(&out));
        assert_eq!(stdout(&out), PROGRAM_OUTPUT, "{extra:?}");
        Shape::Trace.check(&read(&dir.path().join("p.trace.json"))).unwrap();
        Shape::Folded.check(&read(&dir.path().join("p.folded"))).unwrap();
    }
}

#[test]
fn the_timeline_is_recorded_up_to_its_cap_and_kept_in_the_json_profile() {
    let dir = with_program("timeline-json");
    let timeline = |extra: &[&str]| {
        let mut args = vec!["run", "prog.ml", "--profile-output", "p.json"];
        args.extend_from_slice(extra);
        let out = mlpy_in(dir.path(), &args);
        assert_eq!(out.status.code(), Some(0), "{extra:?}: {}", stderr(&out));
        let profile: Value = serde_json::from_slice(&read(&dir.path().join("p.json"))).unwrap();
        profile.get("timeline").cloned()
    };
    assert_eq!(timeline(&[]), None, "no timeline unless asked for");
    let whole = timeline(&["--timeline"]).expect("a timeline");
    let events = whole["events"].as_array().expect("events");
    // Every enter has its exit, in order, and the times never go back.
    let (mut open, mut last) = (0i64, 0u64);
    for e in events {
        open += if e[1].is_null() { -1 } else { 1 };
        assert!(open >= 0, "{whole}");
        let ts = e[0].as_u64().expect("ts");
        assert!(ts >= last, "{whole}");
        last = ts;
    }
    assert_eq!(open, 0, "{whole}");
    assert!(events.len() >= 4, "{whole}");
    assert_eq!(whole["dropped"], 0);
    let cut = timeline(&["--timeline-cap", "3"]).expect("a timeline");
    assert_eq!(cut["events"].as_array().expect("events").len(), 3);
    assert_eq!(cut["dropped"].as_u64(), Some(events.len() as u64 - 3), "{cut}");
    // `profile show` turns the saved timeline into the same trace as the run wrote.
    let out = mlpy_in(
        dir.path(),
        &[
            "run",
            "prog.ml",
            "--timeline",
            "--profile-output",
            "p.json",
            "--profile-output",
            "a.trace.json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out =
        mlpy_in(dir.path(), &["profile", "show", "p.json", "--profile-output", "b.trace.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(read(&dir.path().join("a.trace.json")), read(&dir.path().join("b.trace.json")));
}
