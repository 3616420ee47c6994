//! Computes the build fingerprint of the bytecode cache (`cache::build_fingerprint`): a
//! hash of the sources of the crates that produce and run bytecode, of the rustc that
//! compiles them and of the target. A cache file written by any other build is ignored.
//! Not a timestamp and not the crate version (which does not change between commits).

use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

/// The crates whose sources decide what a cache file holds (relative to this crate).
const SOURCES: &[&str] = &["src", "../mlpy_syntax/src", "../mlpy_analysis/src"];

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let mut files = Vec::new();
    for dir in SOURCES {
        let dir = manifest.join(dir);
        println!("cargo:rerun-if-changed={}", dir.display());
        collect(&dir, &mut files);
    }
    files.sort();
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let version =
        std::process::Command::new(rustc).arg("-vV").output().map(|o| o.stdout).unwrap_or_default();
    let target = std::env::var("TARGET").unwrap_or_default();
    // Two SipHash passes with different prefixes: 128 bits.
    let mut halves = [DefaultHasher::new(), DefaultHasher::new()];
    halves[1].write(b"second half");
    for h in &mut halves {
        h.write(&version);
        h.write(target.as_bytes());
        for f in &files {
            let rel = f.strip_prefix(&manifest).unwrap_or(f);
            h.write(rel.to_string_lossy().as_bytes());
            h.write(&std::fs::read(f).unwrap_or_default());
        }
    }
    let [a, b] = halves.map(|h| h.finish());
    println!("cargo:rustc-env=MLPY_BUILD_FINGERPRINT={a:016x}{b:016x}");
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let path = e.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs" || x == "py") {
            out.push(path);
        }
    }
}
