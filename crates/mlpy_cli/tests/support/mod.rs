//! Helpers shared by the CLI's integration tests. Each test file is its own crate and
//! includes this module with `mod support;`, so not every file uses every helper.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A temporary directory, `mlpy-TAG-NAME-PID` under the system's temporary directory,
/// made empty when created and removed when dropped.
pub struct Dir(PathBuf);

impl Dir {
    /// `tag` names the test file (`cli`, `cache`…), `name` the test.
    pub fn new(tag: &str, name: &str) -> Dir {
        let path = std::env::temp_dir().join(format!("mlpy-{tag}-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        Dir(path)
    }

    /// Writes the file `name` (relative to the directory) with `text`.
    pub fn file(&self, name: &str, text: &str) -> &Dir {
        std::fs::write(self.0.join(name), text).unwrap();
        self
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        // A test may have made the directory read-only.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o755));
        }
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `mlpy` with `args` in `dir`, with no standard input, and waits for it.
pub fn mlpy_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mlpy"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("mlpy runs")
}

/// What a run printed on standard output.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What a run printed on standard error.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
