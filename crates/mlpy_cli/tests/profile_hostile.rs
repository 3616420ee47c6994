//! A hostile or unlucky user's profile outputs and saved profiles (issue 11): figures no
//! run could produce in a profile given to `profile show`, file names at the length
//! limit, paths spelled as directories, symbolic links.

mod support;

use std::process::{Command, Stdio};

use serde_json::Value;
use support::{mlpy_in, stderr, Dir};

const USAGE: i32 = 64;

const PROGRAM: &str = "\
function fact(n) { if (n <= 1) { return 1; } return n * fact(n - 1); }
a = [];
for (i in range(30)) { a.append(fact(i % 8)); }
print(len(a));
";

fn with_program(name: &str) -> Dir {
    let dir = Dir::new("profile-hostile", name);
    dir.file("prog.ml", PROGRAM);
    dir
}

/// The JSON profile of `prog.ml`, as a value to tamper with.
fn saved_profile(dir: &Dir) -> Value {
    let out = mlpy_in(dir.path(), &["run", "prog.ml", "--profile-output", "p.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&std::fs::read(dir.path().join("p.json")).unwrap()).unwrap()
}

/// Sets `key` to `value` in every object of the array `list`.
fn set_all(profile: &mut Value, list: &str, key: &str, value: u64) {
    for row in profile[list].as_array_mut().unwrap() {
        row[key] = Value::from(value);
    }
}

#[test]
fn profile_show_refuses_figures_no_run_has_without_panicking() {
    let dir = with_program("huge_figures");
    let good = saved_profile(&dir);
    type Tamper<'a> = (&'a str, &'a dyn Fn(&mut Value));
    let tampered: [Tamper; 5] = [
        ("one self time at u64::MAX", &|p| p["functions"][0]["self_ns"] = Value::from(u64::MAX)),
        ("every call count at u64::MAX", &|p| set_all(p, "functions", "calls", u64::MAX)),
        ("self times that add up past 2^64", &|p| {
            set_all(p, "functions", "self_ns", 1 << 62);
            set_all(p, "cct", "self_ns", 1 << 62);
        }),
        ("node totals that add up past 2^64", &|p| set_all(p, "cct", "total_ns", 1 << 53)),
        ("allocations that add up past 2^64", &|p| set_all(p, "cct", "alloc_bytes", 1 << 62)),
    ];
    for (what, tamper) in tampered {
        let mut p = good.clone();
        tamper(&mut p);
        std::fs::write(dir.path().join("bad.json"), p.to_string()).unwrap();
        for args in [
            &["profile", "show", "bad.json", "--report", "all"][..],
            &["profile", "show", "bad.json", "--profile-output", "out.folded"],
            &["profile", "show", "bad.json", "--profile-output", "out.trace.json"],
        ] {
            let out = mlpy_in(dir.path(), args);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(USAGE), "{what}, {args:?}: {err}");
            assert!(err.contains("is not an mlpy profile") && !err.contains("panicked"), "{err}");
        }
    }
    // The untouched profile still converts.
    let out = mlpy_in(dir.path(), &["profile", "show", "p.json", "--report", "all"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_file_name_at_the_length_limit_can_take_the_profile() {
    let dir = with_program("long_name");
    // 250 bytes, within the 255 a name may have; a temporary name built from all of it
    // would not be.
    let name = format!("{}.json", "\u{e9}".repeat(122) + "x");
    assert_eq!(name.len(), 250);
    let out = mlpy_in(dir.path(), &["run", "prog.ml", "--profile-output", &name]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(dir.path().join(&name).is_file());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn a_path_spelled_as_a_directory_is_refused_before_the_run() {
    let dir = with_program("trailing_slash");
    for path in ["p.json/", "p.json/.", "missing/p.json/"] {
        let out = mlpy_in(dir.path(), &["run", "prog.ml", "--profile-output", path]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(USAGE), "{path}: {err}");
        assert!(out.stdout.is_empty(), "{path}: the program ran");
        assert!(err.contains("nothing was run"), "{path}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_is_written_through() {
    use std::os::unix::fs::symlink;
    let dir = with_program("symlink");
    std::fs::create_dir(dir.path().join("real")).unwrap();
    std::fs::write(dir.path().join("real/p.json"), "old").unwrap();
    symlink("real/p.json", dir.path().join("link.json")).unwrap();
    // A link to a file not made yet, relative to the link's own directory.
    std::fs::create_dir(dir.path().join("links")).unwrap();
    symlink("../real/new.json", dir.path().join("links/new.json")).unwrap();
    let out = mlpy_in(
        dir.path(),
        &["run", "prog.ml", "--profile-output", "link.json", "--profile-output", "links/new.json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for link in ["link.json", "links/new.json"] {
        let meta = std::fs::symlink_metadata(dir.path().join(link)).unwrap();
        assert!(meta.file_type().is_symlink(), "{link} was replaced by a file");
    }
    for file in ["real/p.json", "real/new.json"] {
        let text = std::fs::read_to_string(dir.path().join(file)).unwrap();
        assert!(text.contains("mlpy-profile/1"), "{file} holds {text:?}");
    }
    // A link and the file it leads to are one output.
    let out = mlpy_in(
        dir.path(),
        &["run", "prog.ml", "--profile-output", "link.json", "--profile-output", "real/p.json"],
    );
    assert_eq!(out.status.code(), Some(USAGE), "{}", stderr(&out));
    assert!(stderr(&out).contains("given twice"), "{}", stderr(&out));
}

/// `/dev/zero` never ends: reading it whole would take every byte of memory. (The shell's
/// `ulimit -v` keeps a regression from taking the machine's.)
#[cfg(target_os = "linux")]
#[test]
fn profile_show_of_an_endless_device_is_refused_at_once() {
    let dir = with_program("endless");
    for device in ["/dev/zero", "/dev/urandom"] {
        let script = format!(
            "ulimit -v 4000000; exec '{}' profile show {device}",
            env!("CARGO_BIN_EXE_mlpy")
        );
        let out = Command::new("sh")
            .args(["-c", &script])
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .output()
            .expect("sh runs");
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(USAGE), "{device}: {err}");
        assert!(err.contains("is not an mlpy profile: it does not start with `{`"), "{err}");
    }
    // Blanks before the `{` are fine.
    let profile = std::fs::read_to_string({
        saved_profile(&dir);
        dir.path().join("p.json")
    })
    .unwrap();
    std::fs::write(dir.path().join("blank.json"), format!("\n \t{profile}")).unwrap();
    let out = mlpy_in(dir.path(), &["profile", "show", "blank.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// A binary profile is refused for a terminal reached through a device path
/// (`/dev/stdout`, `/dev/tty`) as it is for `-`. The terminal is a pseudo-terminal made
/// by util-linux's `script`; without it the test says so and passes (fails under CI).
#[cfg(target_os = "linux")]
#[test]
fn a_binary_profile_is_refused_for_a_terminal_by_any_name() {
    let dir = with_program("terminal");
    let mlpy = env!("CARGO_BIN_EXE_mlpy");
    for (target, format) in [("/dev/stdout", "prof"), ("/dev/tty", "pprof"), ("-", "prof")] {
        let inner =
            format!("'{mlpy}' run prog.ml --profile-output {target} --profile-format {format}");
        let out = match Command::new("script")
            .args(["-qec", &inner, "/dev/null"])
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .output()
        {
            Ok(out) => out,
            Err(e) => {
                assert!(std::env::var_os("CI").is_none(), "util-linux's script is needed: {e}");
                eprintln!("SKIPPED: util-linux's script is missing ({e})");
                return;
            }
        };
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(USAGE), "{target}: {text}");
        assert!(text.contains("is binary") && text.contains("nothing was run"), "{text}");
    }
}
