//! The example programs run and print exactly their expected output
//! (`examples/expected/NAME.out`), and `mlpy compile --disasm` listings match their golden
//! files (`tests/disasm/NAME.golden`; regenerate with `MLPY_REGENERATE_GOLDEN=1`).

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn mlpy(args: &[&str], dir: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mlpy")).args(args).current_dir(dir).output().unwrap()
}

#[test]
fn examples_print_their_expected_output() {
    let expected_dir = root().join("examples/expected");
    let mut checked = 0;
    for entry in std::fs::read_dir(&expected_dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let program = format!("examples/{name}.ml");
        let out = mlpy(&["run", &program], &root());
        assert!(out.status.success(), "{program}: {}", String::from_utf8_lossy(&out.stderr));
        let expected = std::fs::read_to_string(&path).unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout), expected, "{program}");
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} examples have expected output");
}

#[test]
fn disassembly_matches_golden_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/disasm");
    let regenerate = std::env::var_os("MLPY_REGENERATE_GOLDEN").is_some();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ml") {
            continue;
        }
        let name = path.file_name().unwrap().to_str().unwrap();
        let out = mlpy(&["compile", name, "--disasm"], &dir);
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let actual = String::from_utf8(out.stdout).unwrap();
        let golden = path.with_extension("golden");
        if regenerate {
            std::fs::write(&golden, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&golden).unwrap_or_else(|_| {
            panic!("missing {}: run with MLPY_REGENERATE_GOLDEN=1", golden.display())
        });
        assert_eq!(
            actual, expected,
            "{name}: disassembly changed (MLPY_REGENERATE_GOLDEN=1 updates it)"
        );
    }
}
