//! Where a profile goes and in which format: the selected text reports on stderr, or each
//! `--profile-output` in the format its extension (or `--profile-format`) names, written
//! atomically after the run. The destinations are checked before the program runs.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use mlpy_profile::{ExportFormat, ExportOptions, Profile, ReportKind};

use crate::args::ProfileOutputArgs;

/// Where one output is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// `-`: standard output.
    Stdout,
    /// A file, or a device or pipe that exists (written in place).
    Path(PathBuf),
}

impl Target {
    /// The target as messages name it.
    pub fn describe(&self) -> String {
        match self {
            Target::Stdout => "standard output".to_owned(),
            Target::Path(p) => format!("`{}`", p.display()),
        }
    }
}

/// One `--profile-output`: where, and in which format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    pub target: Target,
    pub format: ExportFormat,
}

/// The validated profile options of a run or of `profile show`.
#[derive(Debug)]
pub struct ProfileOptions {
    pub export: ExportOptions,
    /// Empty: the text reports go to stderr.
    pub outputs: Vec<Output>,
}

/// A profile that could not be written after the run.
#[derive(Debug)]
pub struct WriteFailure {
    /// The message, without the `mlpy: ` prefix; `None` for standard output whose reader
    /// went away (a closed pipe), which is quiet as for the program's own output.
    pub message: Option<String>,
}

impl ProfileOptions {
    /// Checks the option values (reports, each output's format) before anything runs;
    /// errors are usage errors about the command line.
    pub fn new(args: &ProfileOutputArgs) -> Result<ProfileOptions, String> {
        let reports = ReportKind::parse_selections(&args.reports)?;
        let export = ExportOptions {
            reports,
            sort: args.sort.unwrap_or_default(),
            limit: args.limit,
            flame: args.flame.unwrap_or_default(),
        };
        let mut outputs = Vec::new();
        for path in &args.outputs {
            outputs.push(output_of(path, args.profile_format)?);
        }
        Ok(ProfileOptions { export, outputs })
    }

    /// Checks that every output can be written, before the program runs: a file's
    /// directory exists and is writable, the file is not a directory, no two outputs
    /// share a path, and a binary format is not sent to a terminal. The error is the
    /// whole message (without `mlpy: `).
    pub fn check_destinations(&self) -> Result<(), String> {
        let mut seen: Vec<(Target, Option<PathBuf>)> = Vec::new();
        for output in &self.outputs {
            let key = match &output.target {
                Target::Stdout => {
                    if !output.format.is_text() && std::io::stdout().is_terminal() {
                        return Err(format!(
                            "the {} profile is binary and standard output is a terminal: \
                             redirect it (`> profile{}`) or name a file with \
                             `--profile-output`",
                            output.format,
                            output.format.extension()
                        ));
                    }
                    None
                }
                Target::Path(path) => check_path(path, output.format).map_err(|why| {
                    format!("cannot write the profile to `{}`: {why}", path.display())
                })?,
            };
            if let Some((earlier, _)) =
                seen.iter().find(|(t, k)| *t == output.target || (k.is_some() && *k == key))
            {
                let same = if *earlier == output.target {
                    String::new()
                } else {
                    format!(" (as {})", earlier.describe())
                };
                return Err(format!(
                    "{} is given twice to `--profile-output`{same}: each output needs its own \
                     file",
                    output.target.describe()
                ));
            }
            seen.push((output.target.clone(), key));
        }
        Ok(())
    }

    /// Writes the profile where the options say; returns the writes that failed.
    pub fn emit(&self, profile: &Profile) -> Vec<WriteFailure> {
        if self.outputs.is_empty() {
            let text = profile.export(ExportFormat::Text, &self.export);
            let _ = std::io::stderr().lock().write_all(&text);
            return Vec::new();
        }
        let mut failures = Vec::new();
        for output in &self.outputs {
            let bytes = profile.export(output.format, &self.export);
            let written = match &output.target {
                Target::Stdout => write_stdout(&bytes),
                Target::Path(path) => write_atomically(path, &bytes),
            };
            if let Err(e) = written {
                failures.push(WriteFailure { message: failure_message(&output.target, &e) });
            }
        }
        failures
    }
}

/// Reads a saved JSON profile for `profile show`; the error is the whole message
/// (without `mlpy: `). A JSON profile starts with `{` (after blanks): a file that does
/// not (`/dev/zero`, `/dev/urandom`, a binary file) is refused after its first bytes
/// rather than read to an end that a device never reaches.
pub fn read_saved(file: &Path) -> Result<String, String> {
    use std::io::Read;
    let cannot = |e: &std::io::Error| format!("cannot read `{}`: {}", file.display(), reason(e));
    let not_profile = |why: &str| format!("`{}` is not an mlpy profile: {why}", file.display());
    let mut reader = std::fs::File::open(file).map_err(|e| cannot(&e))?;
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    let mut checked = false;
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(cannot(&e)),
        };
        bytes.extend_from_slice(&chunk[..n]);
        if !checked {
            match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
                Some(b'{') => checked = true,
                Some(_) => {
                    return Err(not_profile("it does not start with `{`, as a JSON profile does"))
                }
                None => {}
            }
        }
    }
    String::from_utf8(bytes).map_err(|_| not_profile("it is not UTF-8 text"))
}

/// The format of one `--profile-output`: its extension's, else `--profile-format`'s,
/// else the text reports for `-` and for a device or a pipe.
fn output_of(path: &Path, forced: Option<ExportFormat>) -> Result<Output, String> {
    let target =
        if path.as_os_str() == "-" { Target::Stdout } else { Target::Path(path.to_path_buf()) };
    let format = match (ExportFormat::from_path(path), forced) {
        (Some(format), _) | (None, Some(format)) => format,
        (None, None) if target == Target::Stdout || in_place(path) => ExportFormat::Text,
        // A directory: `check_destinations` says so, which helps more than its format.
        (None, None) if path.is_dir() => ExportFormat::Text,
        (None, None) => {
            let extensions: Vec<_> = ExportFormat::ALL.iter().map(|f| f.extension()).collect();
            return Err(format!(
                "cannot tell the format of `{}` from its extension: use one of {}, or give \
                 `--profile-format`",
                path.display(),
                extensions.join(" ")
            ));
        }
    };
    Ok(Output { target, format })
}

/// Why `path` cannot take a profile, if it cannot; else the key that identifies it (its
/// directory's canonical path and its name) for finding duplicates.
fn check_path(path: &Path, format: ExportFormat) -> Result<Option<PathBuf>, String> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => {
            return Err(format!(
                "it is a directory (name a file in it, such as `{}`)",
                path.join("profile.json").display()
            ))
        }
        Ok(m) if in_place(path) => return check_special(path, &m, format).map(|()| None),
        _ => {}
    }
    if ends_as_directory(path) {
        return Err("the path ends with `/`, so it names a directory: name a file".to_owned());
    }
    // A symbolic link is written through: the file it leads to is replaced, beside it.
    let path = &follow_links(path);
    let dir = parent_of(path);
    let shown = dir.display();
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => return Err(format!("`{shown}` is not a directory")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(format!("the directory `{shown}` does not exist (create it first)"))
        }
        Err(e) => return Err(format!("the directory `{shown}`: {}", reason(&e))),
    }
    let Some(name) = path.file_name() else {
        return Err("the path does not name a file".to_owned());
    };
    // Whether a file can be made there (permissions, a read-only file system): the
    // profile is written as a temporary file in the directory, then renamed.
    let probe = temp_name(path, "probe");
    match std::fs::OpenOptions::new().write(true).create_new(true).open(&probe) {
        Ok(file) => {
            drop(file);
            let _ = std::fs::remove_file(&probe);
        }
        Err(e) => {
            let why = match e.kind() {
                std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
                _ => reason(&e),
            };
            return Err(format!("the directory `{shown}` is not writable ({why})"));
        }
    }
    Ok(Some(std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf()).join(name)))
}

/// A file written in place is opened for writing now (`/dev/full` opens; a device
/// without permission does not); a named pipe is not (opening it would wait for a reader).
/// A binary format is refused for a terminal (`/dev/tty`, `/dev/stdout` on a terminal),
/// as for `-`.
fn check_special(
    path: &Path,
    meta: &std::fs::Metadata,
    format: ExportFormat,
) -> Result<(), String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if meta.file_type().is_fifo() {
            return Ok(());
        }
    }
    let _ = meta;
    let file = std::fs::OpenOptions::new().append(true).open(path).map_err(|e| reason(&e))?;
    if !format.is_text() && file.is_terminal() {
        return Err(format!(
            "the {format} profile is binary and this is a terminal: name a file (`profile{}`)",
            format.extension()
        ));
    }
    Ok(())
}

/// Whether `path` is spelled as a directory: it ends with `/` or `/.` (`out/`,
/// `p.json/`), which no file can be written as.
fn ends_as_directory(path: &Path) -> bool {
    let bytes = path.as_os_str().as_encoded_bytes();
    bytes.ends_with(b"/") || bytes.ends_with(b"/.") || bytes == b"."
}

/// The path a chain of symbolic links at `path` leads to (relative targets taken from
/// each link's directory), whether or not that file exists yet; `path` itself when it
/// is not a link. A loop, or a chain longer than Linux follows (40), stops at the last
/// link reached, which is then replaced like a file.
fn follow_links(path: &Path) -> PathBuf {
    let mut at = path.to_path_buf();
    for _ in 0..40 {
        let is_link = std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink());
        let Some(target) = is_link.then(|| std::fs::read_link(&at).ok()).flatten() else {
            break;
        };
        at = if target.is_absolute() { target } else { parent_of(&at).join(target) };
    }
    at
}

/// The directory a file path is in (`.` for a bare name).
fn parent_of(path: &Path) -> &Path {
    path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// `DIR/.NAME.PID.WHAT`: a temporary file beside `path`.
/// At most the first 100 bytes of the name are kept, so that the temporary name fits
/// where the name itself does (file names have at most 255 bytes).
fn temp_name(path: &Path, what: &str) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if name.len() > 100 {
        let mut end = 100;
        while !name.is_char_boundary(end) {
            end -= 1;
        }
        name.truncate(end);
    }
    parent_of(path).join(format!(".{name}.{}.{what}", std::process::id()))
}

/// The message for a profile not written after the run.
fn failure_message(target: &Target, e: &std::io::Error) -> Option<String> {
    let why = reason(e);
    match target {
        Target::Stdout if e.kind() == std::io::ErrorKind::BrokenPipe => None,
        Target::Stdout => Some(format!("cannot write the profile to standard output: {why}")),
        Target::Path(path) => {
            let dir = parent_of(path);
            let hint = if !dir.is_dir() {
                format!(" (the directory `{}` no longer exists)", dir.display())
            } else {
                String::new()
            };
            Some(format!(
                "cannot write the profile to `{}`: {why}{hint}; the profile is lost",
                path.display()
            ))
        }
    }
}

/// An I/O error as a message reads it: `permission denied`.
fn reason(e: &std::io::Error) -> String {
    crate::pipeline::io_reason(e)
}

fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}

/// Whether `path` is written in place rather than replaced: it exists, is not a
/// directory, and is a device or a pipe, or lies under `/dev` or `/proc` (`/dev/stdout`
/// and `/dev/fd/1` lead to whatever standard output is, a regular file when it is
/// redirected to one: that file is appended to, and the link is not replaced).
fn in_place(path: &Path) -> bool {
    let system = path.starts_with("/dev") || path.starts_with("/proc");
    std::fs::metadata(path).is_ok_and(|m| !m.is_dir() && (!m.is_file() || system))
}

/// Writes `bytes` to a temporary file next to `path` (next to the file a symbolic link
/// at `path` leads to, which is the one replaced), then renames it over that file, so a
/// reader never sees a half-written file. A device, a pipe or a path under `/dev`
/// (`/dev/null`, `/dev/stdout`, a named pipe; `in_place`) is appended to instead:
/// renaming over it would replace the device, pipe or link with a regular file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if in_place(path) {
        return std::fs::OpenOptions::new().append(true).open(path)?.write_all(bytes);
    }
    let path = &follow_links(path);
    let tmp = temp_name(path, "tmp");
    std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path)).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(outputs: &[&str], format: Option<&str>) -> Result<ProfileOptions, String> {
        let args = ProfileOutputArgs {
            outputs: outputs.iter().map(PathBuf::from).collect(),
            profile_format: format.map(|f| f.parse().unwrap()),
            ..ProfileOutputArgs::default()
        };
        ProfileOptions::new(&args)
    }

    fn formats(outputs: &[&str], format: Option<&str>) -> Vec<ExportFormat> {
        options(outputs, format).unwrap().outputs.iter().map(|o| o.format).collect()
    }

    #[test]
    fn report_selection() {
        let o = options(&[], None).unwrap();
        assert_eq!(o.export.reports, [ReportKind::DEFAULT]);
        let args = ProfileOutputArgs { reports: vec!["all".into()], ..Default::default() };
        assert_eq!(ProfileOptions::new(&args).unwrap().export.reports, ReportKind::ALL);
        let args = ProfileOutputArgs { reports: vec!["bogus".into()], ..Default::default() };
        let err = ProfileOptions::new(&args).unwrap_err();
        assert!(err.contains("ml-summary") && err.contains("raw"), "{err}");
    }

    #[test]
    fn formats_by_extension_then_by_option() {
        for format in ExportFormat::ALL {
            let name = format!("p{}", format.extension());
            assert_eq!(formats(&[&name], None), [format], "{name}");
            // A known extension wins over `--profile-format`.
            assert_eq!(formats(&[&name], Some("html")), [format], "{name}");
            assert_eq!(formats(&["p.out"], Some(format.name())), [format]);
            assert_eq!(formats(&["-"], Some(format.name())), [format]);
        }
        assert_eq!(formats(&["-", "/dev/null"], None), [ExportFormat::Text; 2]);
        let err = options(&["p.out"], None).unwrap_err();
        assert!(
            err.contains("`p.out`") && err.contains(".pb.gz") && err.contains(".html"),
            "{err}"
        );
        assert_eq!(options(&["-"], None).unwrap().outputs[0].target, Target::Stdout);
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
        // A pipe passes the check without being opened (that would wait for a reader).
        assert_eq!(check_path(&fifo, ExportFormat::Text), Ok(None));
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
        };
        write_atomically(&fifo, b"report").unwrap();
        assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo(), "still a pipe");
        assert_eq!(reader.join().unwrap(), "report");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn duplicates_are_found_through_spellings() {
        let dir = std::env::temp_dir().join(format!("mlpy-dup-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        let a = dir.join("p.json");
        let b = dir.join("sub/../p.json");
        let o = options(&[a.to_str().unwrap(), b.to_str().unwrap()], None).unwrap();
        let err = o.check_destinations().unwrap_err();
        assert!(err.contains("is given twice") && err.contains("(as `"), "{err}");
        let o = options(&["-", "-"], Some("json")).unwrap();
        let err = o.check_destinations().unwrap_err();
        assert!(err.starts_with("standard output is given twice"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
