//! The command line's side of capabilities (spec §14.2, §14.3): a declared need that the
//! grants do not meet is a warning on standard error before the run (the program still
//! runs), `mlpy check` says nothing about grants, and a malformed grant entry is a usage
//! error.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Dir(PathBuf);

impl Dir {
    fn new(tag: &str) -> Dir {
        let dir = std::env::temp_dir().join(format!("mlpy-cli-caps-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Dir(dir)
    }

    fn write(&self, name: &str, text: &str) {
        std::fs::write(self.0.join(name), text).unwrap();
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn mlpy(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mlpy")).args(args).current_dir(dir).output().unwrap()
}

const MAIN: &str = "capability DataAccess {
    resource \"data/*.json\";
    allow read;
    allow write \"out/report.txt\";
}
import helper;
print(hasCapability(\"file.read\"), helper.x);
";

const HELPER: &str = "x = 1;
capability Helper {
    allow network \"https://api.example.com/v1\";
}
";

fn setup(tag: &str) -> Dir {
    let d = Dir::new(tag);
    d.write("main.ml", MAIN);
    d.write("helper.ml", HELPER);
    d
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn ungranted_declarations_are_warned_about_and_the_program_runs() {
    let d = setup("warn");
    let out = mlpy(&["run", "main.ml"], &d.0);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(text(&out.stdout), "false 1\n");
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.starts_with("warning: capab")).collect();
    assert_eq!(warnings.len(), 3, "{stderr}");
    assert_eq!(
        warnings[0],
        "warning: capability `file.read` for `data/*.json` is declared by main.ml:3 but not granted; run with --allow-read=data to grant it"
    );
    assert_eq!(
        warnings[1],
        "warning: capabilities `file.write`, `file.append` and `file.delete` for `out/report.txt` are declared by main.ml:4 but not granted; run with --allow-write=out/report.txt to grant them"
    );
    assert!(
        warnings[2].starts_with(
            "warning: capability `network.https` for `https://api.example.com/v1` is declared by "
        ) && warnings[2].contains(
            "helper.ml:3 but not granted; run with --allow-net=api.example.com to grant it"
        ),
        "{}",
        warnings[2]
    );
}

#[test]
fn granted_declarations_are_quiet() {
    let d = setup("quiet");
    for args in [
        &["run", "main.ml", "-A"][..],
        &[
            "run",
            "main.ml",
            "--allow-read=data",
            "--allow-write",
            "--allow-net=api.example.com:443",
        ],
        // A partial grant is a choice, not an omission.
        &["run", "main.ml", "--allow-read=data/a.json", "--allow-write=out", "--allow-net"],
    ] {
        let out = mlpy(args, &d.0);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("warning"), "{args:?}: {stderr}");
        assert_eq!(text(&out.stdout), "true 1\n");
    }
    // A grant elsewhere does not meet the declared need.
    let out =
        mlpy(&["run", "main.ml", "--allow-read=database", "--allow-write", "--allow-net"], &d.0);
    let stderr = text(&out.stderr);
    assert_eq!(stderr.matches("warning: capab").count(), 1, "{stderr}");
    assert!(stderr.contains("`file.read` for `data/*.json`"), "{stderr}");
    assert_eq!(text(&out.stdout), "true 1\n");
}

#[test]
fn check_does_not_warn_about_grants() {
    let d = setup("check");
    let out = mlpy(&["check", "main.ml"], &d.0);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
}

#[test]
fn a_malformed_grant_entry_is_a_usage_error() {
    let d = setup("usage");
    let out = mlpy(&["run", "main.ml", "--allow-net=localhost:http"], &d.0);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(64), "{stderr}");
    assert!(stderr.contains("`--allow-net`") && stderr.contains("localhost:http"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn grant_entries_that_do_not_exist_still_work() {
    let d = Dir::new("missing");
    d.write("main.ml", "print(getCapabilityInfo(\"file.write\").granted);\n");
    let out = mlpy(&["run", "main.ml", "--allow-write=not/yet/there,/nonexistent-mlpy/x"], &d.0);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "[\"not/yet/there\", \"/nonexistent-mlpy/x\"]\n");
}
