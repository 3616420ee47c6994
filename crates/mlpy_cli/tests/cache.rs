//! The bytecode cache end to end (README, "The bytecode cache"): hits and misses are seen
//! through `MLPY_CACHE_TRACE` (one line per hit, miss and write on stderr) and the
//! dev-summary's phases; a hit must be observably identical to a miss.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod support;
use support::Dir;

/// The cache file of `STEM.ml` in a directory.
trait CacheFile {
    fn cache_file(&self, stem: &str) -> PathBuf;
}

impl CacheFile for Dir {
    fn cache_file(&self, stem: &str) -> PathBuf {
        self.path().join("__mlcache__").join(format!("{stem}.mlc"))
    }
}

/// The cache header's layout (`mlpy_runtime::cache`): where its fields start.
const FINGERPRINT_AT: usize = 12;
const KEY_AT: usize = 28;
const HEADER_LEN: usize = 60;

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode));
}

struct Run {
    stdout: String,
    stderr: String,
    status: i32,
}

impl Run {
    /// The trace lines (`mlpy cache: …`).
    fn trace(&self) -> Vec<&str> {
        self.stderr.lines().filter(|l| l.starts_with("mlpy cache: ")).collect()
    }

    /// Stderr without the trace lines.
    fn stderr_untraced(&self) -> String {
        self.stderr
            .lines()
            .filter(|l| !l.starts_with("mlpy cache: "))
            .map(|l| format!("{l}\n"))
            .collect()
    }

    fn traced(&self, what: &str) -> bool {
        self.trace().iter().any(|l| l.contains(what))
    }
}

/// Runs `mlpy ARGS` in `dir` with the cache traced (and no cache directory from the
/// environment of the test).
fn mlpy_with(dir: &Path, args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Run {
    use std::io::Write;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mlpy"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("MLPY_CACHE_DIR")
        .env("MLPY_CACHE_TRACE", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("start mlpy");
    let mut input = child.stdin.take().unwrap();
    let _ = input.write_all(stdin.as_bytes());
    drop(input);
    let out: Output = child.wait_with_output().unwrap();
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        status: out.status.code().unwrap_or(-1),
    }
}

fn mlpy(dir: &Path, args: &[&str]) -> Run {
    mlpy_with(dir, args, "", &[])
}

/// The program most tests use: an import, a function, a loop.
const MAIN: &str = "import geo;\nfunction f(n) { t = 0; for (i in range(n)) { t = t + geo.area(i); } return t; }\nprint(f(4));\n";
const GEO: &str = "function area(r) { return 3 * r * r; }\n";

fn program(name: &str) -> Dir {
    let d = Dir::new("cache", name);
    d.file("main.ml", MAIN).file("geo.ml", GEO);
    d
}

#[test]
fn the_second_run_reads_the_cache() {
    let d = program("hit");
    let miss = mlpy(d.path(), &["run", "main.ml"]);
    assert_eq!((miss.stdout.as_str(), miss.status), ("42\n", 0), "{}", miss.stderr);
    assert!(miss.traced("main.ml: miss") && miss.traced("wrote"), "{:?}", miss.trace());
    assert!(d.cache_file("main").is_file() && d.cache_file("geo").is_file());
    let hit = mlpy(d.path(), &["run", "main.ml"]);
    assert_eq!((hit.stdout.as_str(), hit.status), ("42\n", 0));
    assert!(hit.traced("main.ml: hit") && hit.traced("geo.ml: hit"), "{:?}", hit.trace());
    assert!(!hit.traced("wrote"), "{:?}", hit.trace());
    assert_eq!(hit.stderr_untraced(), miss.stderr_untraced());
}

/// A phase's row of the dev-summary's phase table.
fn phase_row<'a>(report: &'a str, phase: &str) -> Option<&'a str> {
    report.lines().find(|l| l.starts_with(&format!("| {phase} ")))
}

/// Whether a row's time column is zero.
fn zero_time(row: &str) -> bool {
    row.split('|').nth(2).map(str::trim) == Some("0ns")
}

#[test]
fn dev_summary_shows_cache_time_on_a_hit_and_front_end_time_on_a_miss() {
    let d = program("phases");
    let args = ["run", "main.ml", "--report", "dev-summary", "--force-transpile"];
    let miss = mlpy(d.path(), &args);
    let hit = mlpy(d.path(), &args[..4]);
    assert!(hit.traced("main.ml: hit"), "{}", hit.stderr);
    for (run, expect_front_end) in [(&miss, true), (&hit, false)] {
        let cache = phase_row(&run.stderr, "cache").expect("a cache phase");
        assert!(!zero_time(cache), "{cache}");
        for phase in ["parsing", "compilation", "security analysis"] {
            let row = phase_row(&run.stderr, phase).expect(phase);
            assert_eq!(!zero_time(row), expect_front_end, "{row}\n{}", run.stderr);
        }
    }
    // Without a cache there is no cache phase.
    let off = mlpy(d.path(), &["run", "main.ml", "--report", "dev-summary", "--no-cache"]);
    assert!(phase_row(&off.stderr, "parsing").is_some(), "{}", off.stderr);
    assert!(phase_row(&off.stderr, "cache").is_none(), "{}", off.stderr);
}

#[test]
fn an_edit_is_a_miss_even_with_the_same_size_and_mtime() {
    let d = program("edit");
    let path = d.path().join("main.ml");
    assert_eq!(mlpy(d.path(), &["run", "main.ml"]).stdout, "42\n");
    let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
    let edited = MAIN.replace("range(n)", "range(3)").replace("f(4)", "f(9)");
    assert_eq!(edited.len(), MAIN.len());
    std::fs::write(&path, &edited).unwrap();
    std::fs::File::options().write(true).open(&path).unwrap().set_modified(mtime).unwrap();
    let run = mlpy(d.path(), &["run", "main.ml"]);
    assert_eq!(run.stdout, "15\n", "{}", run.stderr);
    assert!(
        run.traced("main.ml: miss (the source or the compile options changed)"),
        "{:?}",
        run.trace()
    );
    assert!(run.traced("geo.ml: hit"), "{:?}", run.trace());
    assert_eq!(
        mlpy(d.path(), &["run", "main.ml"]).trace(),
        ["mlpy cache: main.ml: hit", &format!("mlpy cache: {}: hit", geo_name(&d))]
    );
}

/// How the loader names the imported module in messages.
fn geo_name(d: &Dir) -> String {
    std::fs::canonicalize(d.path()).unwrap().join("geo.ml").display().to_string()
}

#[test]
fn other_compile_options_are_a_miss() {
    let d = program("options");
    mlpy(d.path(), &["run", "main.ml"]);
    let run = mlpy(d.path(), &["run", "main.ml", "--no-fast-paths"]);
    assert_eq!(run.stdout, "42\n");
    assert!(
        run.traced("main.ml: miss (the source or the compile options changed)"),
        "{:?}",
        run.trace()
    );
}

/// Damages the cache file of `main.ml` with `damage`, runs, and checks that the run is
/// right, reports a miss and rewrites the file as it was.
fn damaged_run(d: &Dir, good: &[u8], what: &str, damage: impl FnOnce(&mut Vec<u8>)) {
    let mut bytes = good.to_vec();
    damage(&mut bytes);
    std::fs::write(d.cache_file("main"), &bytes).unwrap();
    let run = mlpy(d.path(), &["run", "main.ml"]);
    assert_eq!((run.stdout.as_str(), run.status), ("42\n", 0), "{what}: {}", run.stderr);
    assert!(run.traced("main.ml: miss"), "{what}: {:?}", run.trace());
    assert_eq!(std::fs::read(d.cache_file("main")).unwrap(), good, "{what}: not rewritten");
}

#[test]
fn corrupt_and_truncated_cache_files_are_ignored_and_rewritten() {
    let d = program("corrupt");
    mlpy(d.path(), &["run", "main.ml"]);
    let good = std::fs::read(d.cache_file("main")).unwrap();
    assert!(good.len() > HEADER_LEN + 40);
    // Flipped bytes in every region: magic and version, fingerprint, key, length,
    // checksum, and spread over the payload.
    let mut positions: Vec<usize> = (0..HEADER_LEN).step_by(3).collect();
    positions.extend((HEADER_LEN..good.len()).step_by((good.len() - HEADER_LEN) / 25 + 1));
    positions.push(good.len() - 1);
    for at in positions {
        damaged_run(&d, &good, &format!("byte {at} flipped"), |b| b[at] ^= 0x21);
    }
    for len in [0, 7, HEADER_LEN - 1, HEADER_LEN, HEADER_LEN + 10, good.len() - 1] {
        damaged_run(&d, &good, &format!("truncated to {len}"), |b| b.truncate(len));
    }
    damaged_run(&d, &good, "a byte appended", |b| b.push(0));
    damaged_run(&d, &good, "not a cache file", |b| *b = b"print(666);".to_vec());
}

#[test]
fn a_cache_from_another_build_is_ignored_and_rewritten() {
    let d = program("build");
    mlpy(d.path(), &["run", "main.ml"]);
    let good = std::fs::read(d.cache_file("main")).unwrap();
    let mut other = good.clone();
    for b in &mut other[FINGERPRINT_AT..KEY_AT] {
        *b = b.wrapping_add(1);
    }
    std::fs::write(d.cache_file("main"), &other).unwrap();
    let run = mlpy(d.path(), &["run", "main.ml"]);
    assert_eq!(run.stdout, "42\n");
    assert!(run.traced("main.ml: miss (written by another build of mlpy)"), "{:?}", run.trace());
    assert_eq!(std::fs::read(d.cache_file("main")).unwrap(), good);
}

#[test]
fn a_hit_shows_the_same_warnings_and_enforces_the_same_manifest() {
    let d = Dir::new("cache", "manifest");
    d.file(
        "main.ml",
        "import file;\nimport helper;\ncapability Data { resource \"data/*\"; allow read \"data\"; }\ns = \"__import__(x)\";\nprint(helper.twice(2));\nprint(file.read(\"secret.txt\"));\n",
    )
    .file("helper.ml", "t = \"reopen(y)\";\nfunction twice(x) { return x * 2; }\n")
    .file("secret.txt", "no");
    let untraced = [("MLPY_CACHE_TRACE", "")];
    let miss = mlpy_with(d.path(), &["run", "main.ml"], "", &untraced);
    let hit = mlpy_with(d.path(), &["run", "main.ml"], "", &untraced);
    assert!(d.cache_file("main").is_file() && d.cache_file("helper").is_file());
    assert_eq!(miss.status, 1, "{}", miss.stderr);
    assert!(
        miss.stderr.contains("SEC006") && miss.stderr.contains("CapabilityError"),
        "{}",
        miss.stderr
    );
    assert!(miss.stderr.contains("declared by main.ml:3"), "{}", miss.stderr);
    assert_eq!(miss.stderr.matches("SEC006").count(), 2, "{}", miss.stderr);
    assert_eq!((&hit.stdout, &hit.stderr, hit.status), (&miss.stdout, &miss.stderr, miss.status));
    // Granted as declared: both runs read the file... and both refuse what is outside it.
    let grant = ["run", "main.ml", "--allow-read=data"];
    let a = mlpy_with(d.path(), &grant, "", &untraced);
    let b = mlpy_with(d.path(), &grant, "", &untraced);
    assert_eq!((&a.stdout, &a.stderr, a.status), (&b.stdout, &b.stderr, b.status));
    assert!(b.stderr.contains("CapabilityError"), "{}", b.stderr);
}

#[test]
fn import_errors_are_found_again_on_a_hit() {
    let d = program("import-errors");
    mlpy(d.path(), &["run", "main.ml"]);
    std::fs::remove_file(d.path().join("geo.ml")).unwrap();
    let a = mlpy(d.path(), &["run", "main.ml"]);
    assert_eq!(a.status, 65, "{}", a.stderr);
    assert!(a.traced("main.ml: hit"), "{:?}", a.trace());
    assert!(a.stderr.contains("ImportError") && a.stderr.contains("main.ml:1:1"), "{}", a.stderr);
    let b = mlpy(d.path(), &["run", "main.ml", "--no-cache"]);
    assert_eq!((a.stderr_untraced(), a.status), (b.stderr_untraced(), b.status));
}

#[test]
fn each_module_is_cached_and_an_edited_module_is_recompiled() {
    let d = Dir::new("cache", "modules");
    std::fs::create_dir_all(d.path().join("lib")).unwrap();
    d.file("main.ml", "import geo;\nimport lib.util;\nprint(geo.area(2), lib.util.name());\n")
        .file("geo.ml", "import lib.util;\nfunction area(r) { return 3 * r * r + lib.util.k; }\n")
        .file("lib/util.ml", "k = 1;\nfunction name() { return \"util\"; }\n");
    let first = mlpy(d.path(), &["run", "main.ml"]);
    assert_eq!(first.stdout, "13 util\n", "{}", first.stderr);
    assert!(d.cache_file("geo").is_file());
    assert!(d.path().join("lib/__mlcache__/util.mlc").is_file());
    let second = mlpy(d.path(), &["run", "main.ml"]);
    assert_eq!(second.stdout, "13 util\n");
    assert_eq!(
        second.trace().iter().filter(|l| l.ends_with(": hit")).count(),
        3,
        "{:?}",
        second.trace()
    );
    d.file("lib/util.ml", "k = 5;\nfunction name() { return \"UTIL\"; }\n");
    let third = mlpy(d.path(), &["run", "main.ml"]);
    assert_eq!(third.stdout, "17 UTIL\n", "{}", third.stderr);
    assert!(third.traced("util.ml: miss") && third.traced("main.ml: hit"), "{:?}", third.trace());
    assert!(third.traced("geo.ml: hit"), "{:?}", third.trace());
}

#[test]
fn force_transpile_compiles_and_rewrites() {
    let d = program("force");
    mlpy(d.path(), &["run", "main.ml"]);
    let good = std::fs::read(d.cache_file("main")).unwrap();
    std::fs::write(d.cache_file("main"), b"junk").unwrap();
    let run = mlpy(d.path(), &["run", "main.ml", "--force-transpile"]);
    assert_eq!(run.stdout, "42\n");
    assert!(!run.traced("hit") && !run.traced("miss"), "{:?}", run.trace());
    assert_eq!(run.trace().iter().filter(|l| l.contains("wrote")).count(), 2, "{:?}", run.trace());
    assert_eq!(std::fs::read(d.cache_file("main")).unwrap(), good);
}

#[test]
fn no_cache_neither_reads_nor_writes() {
    let d = program("nocache");
    let run = mlpy(d.path(), &["run", "main.ml", "--no-cache"]);
    assert_eq!(run.stdout, "42\n");
    assert!(run.trace().is_empty(), "{:?}", run.trace());
    assert!(!d.path().join("__mlcache__").exists());
    mlpy(d.path(), &["run", "main.ml"]);
    std::fs::write(d.cache_file("main"), b"junk").unwrap();
    let run = mlpy(d.path(), &["run", "main.ml", "--no-cache"]);
    assert_eq!((run.stdout.as_str(), run.trace().len()), ("42\n", 0));
    assert_eq!(std::fs::read(d.cache_file("main")).unwrap(), b"junk");
}

/// Whether a file can be created in `dir` (root ignores permission bits).
fn writable(dir: &Path) -> bool {
    let probe = dir.join(".probe");
    let ok = std::fs::write(&probe, b"").is_ok();
    let _ = std::fs::remove_file(probe);
    ok
}

#[test]
fn an_unwritable_directory_just_means_no_cache() {
    let d = program("readonly");
    let quiet = [("MLPY_CACHE_TRACE", "")];
    let expected = mlpy_with(d.path(), &["run", "main.ml", "--no-cache"], "", &quiet);
    // A directory without write permission (when the test does not run as root)…
    #[cfg(unix)]
    {
        set_mode(d.path(), 0o555);
        if !writable(d.path()) {
            let run = mlpy_with(d.path(), &["run", "main.ml"], "", &quiet);
            assert_eq!(
                (&run.stdout, &run.stderr, run.status),
                (&expected.stdout, &expected.stderr, 0)
            );
            assert!(!d.path().join("__mlcache__").exists());
            let traced = mlpy(d.path(), &["run", "main.ml"]);
            assert!(traced.traced("main.ml: not cached: cannot write"), "{:?}", traced.trace());
        }
        set_mode(d.path(), 0o755);
    }
    // …and a cache directory that cannot be created (for root too).
    d.file("__mlcache__", "a file, not a directory");
    let run = mlpy_with(d.path(), &["run", "main.ml"], "", &quiet);
    assert_eq!((&run.stdout, &run.stderr, run.status), (&expected.stdout, &expected.stderr, 0));
    let traced = mlpy(d.path(), &["run", "main.ml"]);
    assert!(traced.traced("main.ml: not cached: cannot write"), "{:?}", traced.trace());
    assert_eq!(traced.stdout, "42\n");
}

#[test]
fn a_program_from_standard_input_is_not_cached() {
    let d = Dir::new("cache", "stdin");
    let run = mlpy_with(d.path(), &["run", "-"], "print(6 * 7);", &[]);
    assert_eq!(run.stdout, "42\n", "{}", run.stderr);
    assert!(run.trace().is_empty(), "{:?}", run.trace());
    assert!(std::fs::read_dir(d.path()).unwrap().next().is_none(), "something was written");
}

#[test]
fn a_cache_directory_holds_every_cache_file() {
    let d = program("cachedir");
    let cache = Dir::new("cache", "cachedir-store");
    let store = cache.path().to_str().unwrap();
    let run = mlpy(d.path(), &["run", "main.ml", "--cache-dir", store]);
    assert_eq!(run.stdout, "42\n");
    assert!(!d.path().join("__mlcache__").exists());
    let mut names: Vec<String> = std::fs::read_dir(cache.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names[0].starts_with("geo-") && names[1].starts_with("main-"), "{names:?}");
    assert!(names.iter().all(|n| n.ends_with(".mlc")));
    // The environment variable names the same directory.
    let run = mlpy_with(d.path(), &["run", "main.ml"], "", &[("MLPY_CACHE_DIR", store)]);
    assert!(run.traced("main.ml: hit") && run.traced("geo.ml: hit"), "{:?}", run.trace());
}

#[test]
fn compile_writes_the_cache_ahead_of_time() {
    let d = program("compile");
    let c = mlpy(d.path(), &["compile", "main.ml"]);
    assert_eq!(c.status, 0, "{}", c.stderr);
    assert!(d.cache_file("main").is_file() && d.cache_file("geo").is_file());
    let run = mlpy(d.path(), &["run", "main.ml"]);
    assert_eq!(run.stdout, "42\n");
    assert!(run.traced("main.ml: hit") && run.traced("geo.ml: hit"), "{:?}", run.trace());
    // The disassembly from the cache is the compiler's.
    let cached = mlpy(d.path(), &["compile", "main.ml", "--disasm"]);
    let fresh = mlpy(d.path(), &["compile", "main.ml", "--disasm", "--no-cache"]);
    assert!(cached.traced("main.ml: hit"));
    assert_eq!((cached.stdout.as_str(), cached.status), (fresh.stdout.as_str(), 0));
    assert!(cached.stdout.contains("<module>"), "{}", cached.stdout);
    // Static errors are reported as `run` reports them (status 65), and nothing is cached.
    let bad = Dir::new("cache", "compile-bad");
    bad.file("main.ml", "x = ;\n");
    let c = mlpy(bad.path(), &["compile", "main.ml"]);
    let r = mlpy(bad.path(), &["run", "main.ml"]);
    assert_eq!((c.status, r.status), (65, 65));
    assert_eq!(c.stderr_untraced(), r.stderr_untraced());
    assert!(!bad.path().join("__mlcache__/main.mlc").exists());
    let c = mlpy(d.path(), &["compile", "main.ml", "--no-cache"]);
    assert_eq!((c.status, c.trace().len()), (0, 0));
}

#[test]
fn runtime_errors_point_at_the_same_place_from_the_cache() {
    let d = Dir::new("cache", "trace");
    d.file("main.ml", "import geo;\nfunction g(x) {\n  return geo.bad(x);\n}\ng(1);\n")
        .file("geo.ml", "function bad(x) {\n  y = [1][x + 5];\n  return y;\n}\n");
    let quiet = [("MLPY_CACHE_TRACE", "")];
    let miss = mlpy_with(d.path(), &["run", "main.ml"], "", &quiet);
    let hit = mlpy_with(d.path(), &["run", "main.ml"], "", &quiet);
    assert_eq!(miss.status, 1);
    assert!(miss.stderr.contains("geo.ml:2:"), "{}", miss.stderr);
    assert_eq!((&hit.stderr, hit.status), (&miss.stderr, miss.status));
    // The profiler names the same functions at the same lines.
    let profile = ["run", "main.ml", "--report", "ml-details", "--force-transpile"];
    let a = mlpy_with(d.path(), &profile, "", &quiet);
    let b = mlpy_with(d.path(), &profile[..4], "", &quiet);
    let names = |r: &Run| -> Vec<String> {
        let mut names: Vec<String> = r
            .stderr
            .lines()
            .filter(|l| l.contains("(line "))
            .map(|l| l.split('|').nth(1).unwrap_or("").trim().to_owned())
            .collect();
        names.sort();
        names
    };
    assert!(names(&a).iter().any(|n| n.contains("bad (line 1)")), "{}", a.stderr);
    assert_eq!(names(&a), names(&b));
}
