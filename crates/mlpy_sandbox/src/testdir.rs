//! Temporary directories for the tests (removed on drop).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("mlpy-sandbox-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create a temporary directory");
        // The temporary directory itself may lie behind a link (`/tmp` on macOS).
        TempDir(std::fs::canonicalize(&dir).expect("canonical temporary directory"))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    pub fn mkdir(&self, rel: &str) -> PathBuf {
        let p = self.0.join(rel);
        std::fs::create_dir_all(&p).expect("mkdir");
        p
    }

    pub fn touch(&self, rel: &str) -> PathBuf {
        let p = self.0.join(rel);
        std::fs::write(&p, "x").expect("write");
        p
    }

    #[cfg(unix)]
    pub fn link(&self, rel: &str, target: impl AsRef<Path>) -> PathBuf {
        let p = self.0.join(rel);
        std::os::unix::fs::symlink(target, &p).expect("symlink");
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
