//! Replays the committed fuzz inputs through the fuzz targets' checks, on any toolchain and
//! without libFuzzer (CI runs it on stable):
//!
//! ```text
//! cargo test --manifest-path fuzz/Cargo.toml --no-default-features
//! ```
//!
//! Each target replays every program of the conformance suite (`tests/conformance`, the
//! seeds the fuzzers start from), its minimised corpus (`fuzz/seeds/TARGET/`) and the
//! reproducers of the bugs it found (`fuzz/regressions/TARGET/`). Every failure is
//! collected and reported at the end. `MLPY_FUZZ_REPLAY=DIR` replays the files of `DIR`
//! instead (a local corpus, `artifacts/TARGET`; a relative `DIR` is relative to `fuzz/`).

use std::path::{Path, PathBuf};

fn fuzz_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir` (recursively) whose name passes `keep`, sorted.
fn files(dir: &Path, keep: &dyn Fn(&Path) -> bool, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            files(&path, keep, out);
        } else if keep(&path) {
            out.push(path);
        }
    }
}

fn inputs(target: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Some(dir) = std::env::var_os("MLPY_FUZZ_REPLAY") {
        files(Path::new(&dir), &|_| true, &mut out);
        assert!(!out.is_empty(), "MLPY_FUZZ_REPLAY: no files under {dir:?} (relative to fuzz/)");
        return out;
    }
    let is_ml = |p: &Path| p.extension().is_some_and(|e| e == "ml");
    let conformance = fuzz_dir().join("../tests/conformance");
    files(&conformance, &is_ml, &mut out);
    assert!(!out.is_empty(), "no conformance programs under {}", conformance.display());
    let not_readme = |p: &Path| p.file_name().is_some_and(|n| n != "README.md");
    files(&fuzz_dir().join("seeds").join(target), &not_readme, &mut out);
    files(&fuzz_dir().join("regressions").join(target), &not_readme, &mut out);
    out
}

fn replay(target: &str, check: fn(&[u8])) {
    let inputs = inputs(target);
    let mut failures = Vec::new();
    for path in &inputs {
        let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if let Err(payload) = std::panic::catch_unwind(|| check(&data)) {
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "(a panic without a message)".to_owned());
            failures.push(format!("{}: {message}", path.display()));
        }
    }
    println!("replay {target}: {} inputs, {} failures", inputs.len(), failures.len());
    assert!(failures.is_empty(), "replay {target} failed on:\n{}", failures.join("\n"));
}

#[test]
fn replay_parse() {
    replay("parse", mlpy_fuzz::parse);
}

#[test]
fn replay_compile() {
    replay("compile", mlpy_fuzz::compile);
}

#[test]
fn replay_cache_decode() {
    replay("cache_decode", mlpy_fuzz::cache_decode);
}

#[test]
fn replay_run() {
    replay("run", mlpy_fuzz::run);
}

#[test]
fn replay_profile_json() {
    replay("profile_json", mlpy_fuzz::profile_json);
}

#[test]
fn replay_sandbox() {
    replay("sandbox", mlpy_fuzz::sandbox);
}
