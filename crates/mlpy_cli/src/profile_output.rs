//! What `--profile` produces: the selected reports on stderr, or in each
//! `--profile-output` file (text for `.txt`, JSON for `.json`), written atomically.

use std::io::Write;
use std::path::{Path, PathBuf};

use mlpy_profile::{Profile, ReportKind, SortKey};

/// How one profile output is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// The validated profile options of a run.
#[derive(Debug)]
pub struct ProfileOptions {
    pub reports: Vec<ReportKind>,
    pub sort: SortKey,
    /// Empty: the reports go to stderr.
    pub outputs: Vec<(PathBuf, Format)>,
}

impl ProfileOptions {
    /// Checks the profile options before anything runs; errors are usage errors.
    pub fn new(
        reports: &[String],
        sort: &str,
        outputs: &[PathBuf],
        format: Option<&str>,
    ) -> Result<ProfileOptions, String> {
        let reports = if reports.is_empty() {
            vec![ReportKind::MlSummary]
        } else {
            ReportKind::parse_selections(reports)?
        };
        let sort: SortKey = sort.parse().map_err(|e: String| e)?;
        let forced = match format {
            None => None,
            Some("text" | "txt") => Some(Format::Text),
            Some("json") => Some(Format::Json),
            Some(other) => {
                return Err(format!("unknown profile format `{other}` (expected `text` or `json`)"))
            }
        };
        let mut outs = Vec::new();
        for path in outputs {
            let format = match forced {
                Some(f) => f,
                None => match path.extension().and_then(|e| e.to_str()) {
                    Some("txt") => Format::Text,
                    Some("json") => Format::Json,
                    // `/dev/stdout`, a named pipe: the reports, as on the terminal.
                    _ if is_special_file(path) => Format::Text,
                    _ => {
                        return Err(format!(
                            "cannot tell the format of `{}` from its extension: use `.txt` or \
                             `.json`, or give `--profile-format text|json`",
                            path.display()
                        ))
                    }
                },
            };
            outs.push((path.clone(), format));
        }
        Ok(ProfileOptions { reports, sort, outputs: outs })
    }

    /// Writes the profile where the options say. Returns the error messages of failed
    /// writes.
    pub fn emit(&self, profile: &Profile) -> Vec<String> {
        let text = || profile.render(&self.reports, self.sort);
        if self.outputs.is_empty() {
            eprint!("{}", text());
            return Vec::new();
        }
        let mut errors = Vec::new();
        for (path, format) in &self.outputs {
            let content = match format {
                Format::Text => text(),
                Format::Json => profile.to_json(),
            };
            if let Err(e) = write_atomically(path, content.as_bytes()) {
                errors.push(format!("cannot write the profile to `{}`: {e}", path.display()));
            }
        }
        errors
    }
}

/// Whether `path` exists and is neither a regular file nor a directory (a device, a pipe).
fn is_special_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// Writes `bytes` to a temporary file next to `path`, then renames it over `path`, so a
/// reader never sees a half-written file. A path that exists but is not a regular file
/// (`/dev/null`, `/dev/stdout`, a named pipe) is written in place: renaming over it would
/// replace the device or pipe with a regular file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if is_special_file(path) {
        return std::fs::OpenOptions::new().write(true).open(path)?.write_all(bytes);
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_selection_and_formats() {
        let o = ProfileOptions::new(&[], "cumtime", &[], None).unwrap();
        assert_eq!(o.reports, [ReportKind::MlSummary]);
        let o = ProfileOptions::new(&["all".into()], "calls", &[], None).unwrap();
        assert_eq!(o.reports.len(), 5);
        let err = ProfileOptions::new(&["bogus".into()], "cumtime", &[], None).unwrap_err();
        assert!(err.contains("ml-summary") && err.contains("raw"), "{err}");
        let outs = [PathBuf::from("p.json"), PathBuf::from("p.txt")];
        let o = ProfileOptions::new(&[], "cumtime", &outs, None).unwrap();
        assert_eq!(o.outputs[0].1, Format::Json);
        assert_eq!(o.outputs[1].1, Format::Text);
        assert!(ProfileOptions::new(&[], "cumtime", &[PathBuf::from("p.svg")], None).is_err());
        let o = ProfileOptions::new(&[], "cumtime", &[PathBuf::from("p.out")], Some("json"));
        assert_eq!(o.unwrap().outputs[0].1, Format::Json);
        // A device takes the text reports unless told otherwise.
        let o = ProfileOptions::new(&[], "cumtime", &[PathBuf::from("/dev/null")], None);
        assert_eq!(o.unwrap().outputs[0].1, Format::Text);
    }

    #[test]
    fn atomic_write_replaces_the_file() {
        let dir = std::env::temp_dir().join(format!("mlpy-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("out.txt");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        let leftovers = std::fs::read_dir(&dir).unwrap().count();
        assert_eq!(leftovers, 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    #[cfg(unix)]
    fn special_files_are_written_in_place() {
        use std::os::unix::fs::FileTypeExt;
        let dir = std::env::temp_dir().join(format!("mlpy-fifo-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let fifo = dir.join("profile.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
        };
        write_atomically(&fifo, b"report").unwrap();
        assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo(), "still a pipe");
        assert_eq!(reader.join().unwrap(), "report");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
