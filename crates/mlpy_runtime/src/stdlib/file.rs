//! `file` (spec §12.10): reading and writing whole files, and file metadata.
//!
//! Every function asks the capability gate (`Vm::check_path`) for each path it touches
//! before any effect, and then works on the path the gate hands back (resolved by the
//! policy), never on the text the program gave. An operation with two paths (`copy`,
//! `move`) checks both before it starts.
//!
//! Reads respect the limits of the run: a regular file's size is checked against what
//! `--max-memory` leaves before it is read (without `--max-memory`, against
//! [`READ_CAP`]); files without a size (FIFOs, devices such as `/dev/zero`) are read in
//! chunks on a helper thread, counted as they come and abandoned at the same bound (at
//! [`STREAM_CAP`] without `--max-memory`) or at the run's `--timeout` deadline, so neither
//! an endless device nor a FIFO without a writer can exhaust memory or outlast the time
//! limit. Writes to such files are bounded by the deadline the same way.
//!
//! The helpers shared with `path` (error wording, metadata predicates, the deadline
//! ticker) live here too.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::UNIX_EPOCH;

use mlpy_sandbox::Capability;

use super::{no_constants, ModuleDecl};
use crate::display::write_display;
use crate::error::{value_error, ErrorKind, Result, RuntimeError};
use crate::natives::{opt, req, Kinds, NativeDecl};
use crate::value::{Array, Value};
use crate::vm::Vm;

const READ: &[Capability] = &[Capability::FileRead];
const WRITE: &[Capability] = &[Capability::FileWrite];
const APPEND: &[Capability] = &[Capability::FileAppend];
const DELETE: &[Capability] = &[Capability::FileDelete];
const READ_WRITE: &[Capability] = &[Capability::FileRead, Capability::FileWrite];
const READ_WRITE_DELETE: &[Capability] =
    &[Capability::FileDelete, Capability::FileRead, Capability::FileWrite];

const PATH: crate::natives::Param = req("path", Kinds::STR);
const ENC: crate::natives::Param = opt("enc", Kinds::STR, "\"utf-8\"");

static FUNCTIONS: [NativeDecl; 15] = [
    NativeDecl::function("read", &[PATH, ENC], "the whole file as a string", read).needs(READ),
    NativeDecl::function(
        "readLines",
        &[PATH, ENC],
        "the lines of the file, without their line feeds (or CR LF)",
        read_lines,
    )
    .needs(READ),
    NativeDecl::function("readBytes", &[PATH], "the bytes of the file (ints 0-255)", read_bytes)
        .needs(READ),
    NativeDecl::function(
        "write",
        &[PATH, req("text", Kinds::STR), ENC],
        "replaces the file with text, creating missing parent directories; returns null",
        write,
    )
    .needs(WRITE),
    NativeDecl::function(
        "writeLines",
        &[PATH, req("lines", Kinds::ARRAY), ENC],
        "replaces the file with the display form of each item followed by a line feed",
        write_lines,
    )
    .needs(WRITE),
    NativeDecl::function(
        "writeBytes",
        &[PATH, req("bytes", Kinds::ARRAY)],
        "replaces the file with the bytes (ints 0-255; other values: ValueError)",
        write_bytes,
    )
    .needs(WRITE),
    NativeDecl::function(
        "append",
        &[PATH, req("text", Kinds::STR), ENC],
        "appends text, creating the file and missing parent directories; returns null",
        append,
    )
    .needs(APPEND),
    NativeDecl::function(
        "delete",
        &[PATH],
        "true after removing the file, false if nothing exists there (a directory: ValueError)",
        delete,
    )
    .needs(DELETE),
    NativeDecl::function(
        "copy",
        &[req("src", Kinds::STR), req("dst", Kinds::STR)],
        "copies the content and permissions of the regular file src to dst; returns null",
        copy,
    )
    .needs(READ_WRITE),
    NativeDecl::function(
        "move",
        &[req("src", Kinds::STR), req("dst", Kinds::STR)],
        "moves or renames src to dst; returns null",
        move_,
    )
    .needs(READ_WRITE_DELETE),
    NativeDecl::function("exists", &[req("p", Kinds::STR)], "whether something exists at p", exists)
        .needs(READ),
    NativeDecl::function("isFile", &[req("p", Kinds::STR)], "whether p is a regular file", is_file)
        .needs(READ),
    NativeDecl::function(
        "isDirectory",
        &[req("p", Kinds::STR)],
        "whether p is a directory",
        is_directory,
    )
    .needs(READ),
    NativeDecl::function("size", &[req("p", Kinds::STR)], "the size of p in bytes", size)
        .needs(READ),
    NativeDecl::function(
        "modifiedTime",
        &[req("p", Kinds::STR)],
        "the modification time of p, in float Unix seconds",
        modified_time,
    )
    .needs(READ),
];

pub(super) static MODULE: ModuleDecl =
    ModuleDecl::new("file", "reading and writing files", &FUNCTIONS, no_constants);

/// Without `--max-memory`, the most bytes one read of a regular file may bring in (1 GiB).
pub const READ_CAP: u64 = 1 << 30;
/// Without `--max-memory`, the most bytes one read of a file without a size (a FIFO, a
/// device) may bring in (256 MiB): an endless device under a read grant ends the run
/// before it takes much memory.
pub const STREAM_CAP: u64 = 256 << 20;
/// The size of the chunks read from files without a size.
const CHUNK: usize = 64 * 1024;

// ----- errors ---------------------------------------------------------------------------

/// The reason of an OS error, without Rust's `(os error N)` suffix.
pub(super) fn reason(e: &io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_lowercase(),
        None => s,
    }
}

/// An `IOError`: "`file.read`: cannot read `data.txt`: no such file or directory".
#[cold]
pub(super) fn io_error(func: &str, action: &str, raw: &str, e: &io::Error) -> RuntimeError {
    RuntimeError::new(
        ErrorKind::IOError,
        format!("`{func}`: cannot {action} `{raw}`: {}", reason(e)),
    )
}

/// An `IOError` with a reason of ours.
#[cold]
pub(super) fn io_error_msg(func: &str, action: &str, raw: &str, why: &str) -> RuntimeError {
    RuntimeError::new(ErrorKind::IOError, format!("`{func}`: cannot {action} `{raw}`: {why}"))
}

/// The string argument at `idx` (its kind is checked by the declaration).
pub(super) fn str_at(args: &[Value], idx: usize) -> &str {
    match &args[idx] {
        Value::Str(s) => s.as_str(),
        _ => unreachable!("the declaration checks that argument {idx} is a string"),
    }
}

/// Checks the time limit while looping over many entries (every 256th call asks the clock).
pub(super) struct Ticker(u32);

impl Ticker {
    pub(super) fn new() -> Ticker {
        Ticker(0)
    }

    pub(super) fn tick(&mut self, vm: &Vm) -> Result<()> {
        self.0 = self.0.wrapping_add(1);
        if self.0.is_multiple_of(256) && vm.out_of_time() {
            return Err(vm.time_limit_error());
        }
        Ok(())
    }
}

// ----- memory and time bounds -------------------------------------------------------------

/// How many bytes of content a read may bring in when each byte costs `factor` bytes of
/// heap: what `--max-memory` leaves, or [`READ_CAP`] ([`STREAM_CAP`] for a `stream`, a
/// file without a size).
fn allowance(vm: &Vm, factor: u64, stream: bool) -> u64 {
    match vm.limits.max_memory {
        Some(max) => max.saturating_sub(vm.heap.stats().live_bytes) / factor,
        None if stream => STREAM_CAP / factor,
        None => READ_CAP / factor,
    }
}

/// The end of a run whose read would pass the memory bound (uncatchable, §1.4).
#[cold]
fn too_big(vm: &Vm, func: &str, raw: &str, content: u64, factor: u64, stream: bool) -> RuntimeError {
    let cap = if stream { STREAM_CAP } else { READ_CAP };
    if vm.limits.max_memory.is_some() {
        // The heap's own refusal, naming the limit as the user wrote it (this VM's heap,
        // also when the native is called outside a run).
        let _active = vm.heap.activate();
        let needed = content.saturating_mul(factor).max(1);
        let what = format!("`{func}` of `{}`", mlpy_syntax::diagnostic::escape_controls(raw, false));
        if let Err(e) = crate::heap::reserve_for(needed, &what) {
            return e;
        }
    }
    let msg = format!(
        "`{func}`: `{raw}` holds more than the {cap} bytes one read may take without \
         --max-memory"
    );
    RuntimeError::new(ErrorKind::LimitExceeded, msg)
}

/// Runs `op`, which may block (it opens or writes a FIFO or a device), on a helper thread,
/// waiting for it at most until the run's deadline. Past the deadline the run ends; the
/// helper is left blocked and dies with the process.
fn bounded<T: Send + 'static>(
    vm: &Vm,
    op: impl FnOnce() -> io::Result<T> + Send + 'static,
) -> Result<io::Result<T>> {
    let (tx, rx) = mpsc::sync_channel(1);
    let spawned = std::thread::Builder::new().name("mlpy-io".to_owned()).spawn(move || {
        let _ = tx.send(op());
    });
    if let Err(e) = spawned {
        return Ok(Err(e));
    }
    let got = match vm.remaining_time() {
        None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
        Some(left) => rx.recv_timeout(left),
    };
    match got {
        Ok(res) => Ok(res),
        Err(RecvTimeoutError::Timeout) => Err(vm.time_limit_error()),
        Err(RecvTimeoutError::Disconnected) => {
            Ok(Err(io::Error::other("the I/O helper thread stopped")))
        }
    }
}

/// Whether `path` exists and is not a regular file or a directory (a FIFO, a device, a
/// socket): opening or reading it may block or never end.
pub(super) fn is_special(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// The content of the file at `path` (resolved; `raw` as the program gave it), each byte
/// of which will cost `factor` bytes of heap.
pub(super) fn read_content(vm: &Vm, func: &str, raw: &str, path: &Path, factor: u64) -> Result<Vec<u8>> {
    let meta = fs::metadata(path).map_err(|e| io_error(func, "read", raw, &e))?;
    if meta.is_dir() {
        return Err(io_error_msg(func, "read", raw, "it is a directory"));
    }
    if !meta.is_file() {
        return read_stream(vm, func, raw, path, factor);
    }
    let limit = allowance(vm, factor, false);
    if meta.len() > limit {
        return Err(too_big(vm, func, raw, meta.len(), factor, false));
    }
    let f = File::open(path).map_err(|e| io_error(func, "read", raw, &e))?;
    let mut buf = Vec::with_capacity(meta.len() as usize);
    // The file may have grown since: read at most one byte beyond the bound.
    f.take(limit + 1).read_to_end(&mut buf).map_err(|e| io_error(func, "read", raw, &e))?;
    if buf.len() as u64 > limit {
        return Err(too_big(vm, func, raw, buf.len() as u64, factor, false));
    }
    Ok(buf)
}

/// Reads a file without a size in chunks on a helper thread, up to the memory bound and
/// the run's deadline.
fn read_stream(vm: &Vm, func: &str, raw: &str, path: &Path, factor: u64) -> Result<Vec<u8>> {
    let limit = allowance(vm, factor, true);
    let (tx, rx) = mpsc::sync_channel::<io::Result<Option<Vec<u8>>>>(2);
    let owned: PathBuf = path.to_path_buf();
    let spawned = std::thread::Builder::new().name("mlpy-read".to_owned()).spawn(move || {
        let mut f = match File::open(&owned) {
            Ok(f) => f,
            Err(e) => {
                let _ = tx.send(Err(e));
                return;
            }
        };
        loop {
            let mut chunk = vec![0u8; CHUNK];
            match f.read(&mut chunk) {
                Ok(0) => {
                    let _ = tx.send(Ok(None));
                    return;
                }
                Ok(n) => {
                    chunk.truncate(n);
                    // The reader went away (a limit): stop.
                    if tx.send(Ok(Some(chunk))).is_err() {
                        return;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let _ = tx.send(Err(e));
                    return;
                }
            }
        }
    });
    if let Err(e) = spawned {
        return Err(io_error(func, "read", raw, &e));
    }
    let mut buf = Vec::new();
    loop {
        let got = match vm.remaining_time() {
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(left) => rx.recv_timeout(left),
        };
        match got {
            Ok(Ok(Some(chunk))) => {
                buf.extend_from_slice(&chunk);
                if buf.len() as u64 > limit {
                    return Err(too_big(vm, func, raw, buf.len() as u64, factor, true));
                }
            }
            Ok(Ok(None)) => return Ok(buf),
            Ok(Err(e)) => return Err(io_error(func, "read", raw, &e)),
            Err(RecvTimeoutError::Timeout) => return Err(vm.time_limit_error()),
            Err(RecvTimeoutError::Disconnected) => {
                return Err(io_error_msg(func, "read", raw, "the reading thread stopped"))
            }
        }
    }
}

/// Writes `bytes` to `path` (creating missing parent directories), replacing or appending.
pub(super) fn write_content(
    vm: &Vm,
    func: &str,
    raw: &str,
    path: PathBuf,
    bytes: Vec<u8>,
    append: bool,
) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| io_error(func, "create the parent of", raw, &e))?;
    }
    if path.is_dir() {
        return Err(io_error_msg(func, "write", raw, "it is a directory"));
    }
    let special = is_special(&path);
    let op = move || -> io::Result<()> {
        let mut f = if append {
            OpenOptions::new().append(true).create(true).open(&path)?
        } else {
            File::create(&path)?
        };
        f.write_all(&bytes)?;
        f.flush()
    };
    let res = if special { bounded(vm, op)? } else { op() };
    res.map_err(|e| io_error(func, "write", raw, &e))
}

// ----- encodings --------------------------------------------------------------------------

/// The text encodings supported: UTF-8, ASCII and Latin-1 (ISO 8859-1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Encoding {
    Utf8,
    Ascii,
    Latin1,
}

/// The encoding named by the optional argument at `idx` (default UTF-8). Names are
/// matched ignoring case, `-` and `_`: `utf-8`, `utf8`, `ascii`, `us-ascii`, `latin-1`,
/// `latin1`, `iso-8859-1`.
pub(super) fn encoding(func: &str, args: &[Value], idx: usize) -> Result<Encoding> {
    let Some(Value::Str(name)) = args.get(idx) else {
        return Ok(Encoding::Utf8);
    };
    let key: String = name
        .as_str()
        .chars()
        .filter(|c| *c != '-' && *c != '_')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    match key.as_str() {
        "utf8" => Ok(Encoding::Utf8),
        "ascii" | "usascii" => Ok(Encoding::Ascii),
        "latin1" | "iso88591" => Ok(Encoding::Latin1),
        _ => Err(value_error(format!(
            "`{func}`: unsupported encoding {:?} (supported: \"utf-8\", \"ascii\", \"latin-1\")",
            name.as_str()
        ))),
    }
}

pub(super) fn decode(func: &str, raw: &str, bytes: Vec<u8>, enc: Encoding) -> Result<String> {
    match enc {
        Encoding::Utf8 => String::from_utf8(bytes).map_err(|e| {
            value_error(format!(
                "`{func}`: `{raw}` is not valid UTF-8 (at byte {})",
                e.utf8_error().valid_up_to()
            ))
        }),
        Encoding::Ascii => match bytes.iter().position(|b| !b.is_ascii()) {
            Some(at) => Err(value_error(format!(
                "`{func}`: `{raw}` is not ASCII (byte {} at {at})",
                bytes[at]
            ))),
            // ASCII is UTF-8.
            None => Ok(String::from_utf8(bytes).unwrap_or_default()),
        },
        Encoding::Latin1 => Ok(bytes.iter().map(|&b| char::from(b)).collect()),
    }
}

pub(super) fn encode(func: &str, text: String, enc: Encoding) -> Result<Vec<u8>> {
    let unencodable = |c: char, name: &str| {
        value_error(format!("`{func}`: the character U+{:04X} cannot be written as {name}", c as u32))
    };
    match enc {
        Encoding::Utf8 => Ok(text.into_bytes()),
        Encoding::Ascii => match text.chars().find(|c| !c.is_ascii()) {
            Some(c) => Err(unencodable(c, "ASCII")),
            None => Ok(text.into_bytes()),
        },
        Encoding::Latin1 => text
            .chars()
            .map(|c| u8::try_from(u32::from(c)).map_err(|_| unencodable(c, "Latin-1")))
            .collect(),
    }
}

// ----- reading ------------------------------------------------------------------------------

fn read(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let raw = str_at(args, 0);
    let enc = encoding("file.read", args, 1)?;
    let path = vm.check_path(Capability::FileRead, raw)?;
    let bytes = read_content(vm, "file.read", raw, &path, 1)?;
    Ok(Value::string(decode("file.read", raw, bytes, enc)?))
}

/// The lines of `text`: split at `\n`, each without a final `\r`; a final line feed
/// does not start another line.
fn split_lines(text: &str) -> Vec<&str> {
    if text.is_empty() {
        return Vec::new();
    }
    let body = text.strip_suffix('\n').unwrap_or(text);
    body.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect()
}

/// The heap bytes of one line's value beyond its text (the array slot and string header).
const LINE_OVERHEAD: u64 = 64;

fn read_lines(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let raw = str_at(args, 0);
    let enc = encoding("file.readLines", args, 1)?;
    let path = vm.check_path(Capability::FileRead, raw)?;
    let bytes = read_content(vm, "file.readLines", raw, &path, 2)?;
    let text = decode("file.readLines", raw, bytes, enc)?;
    let lines = split_lines(&text);
    // Now that the number of lines is known, check what the array will need.
    let needed = text.len() as u64 + lines.len() as u64 * LINE_OVERHEAD;
    if needed > allowance(vm, 1, false) {
        return Err(too_big(vm, "file.readLines", raw, needed, 1, false));
    }
    Ok(Value::array(lines.into_iter().map(Value::str).collect()))
}

fn read_bytes(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let raw = str_at(args, 0);
    let path = vm.check_path(Capability::FileRead, raw)?;
    // A byte becomes an 8-byte packed int.
    let bytes = read_content(vm, "file.readBytes", raw, &path, 9)?;
    Ok(Value::Array(Array::from_ints(bytes.iter().map(|&b| i64::from(b)).collect())))
}

// ----- writing ------------------------------------------------------------------------------

fn write(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let raw = str_at(args, 0);
    let enc = encoding("file.write", args, 2)?;
    let bytes = encode("file.write", str_at(args, 1).to_owned(), enc)?;
    let path = vm.check_path(Capability::FileWrite, raw)?;
    write_content(vm, "file.write", raw, path, bytes, false)?;
    Ok(Value::Null)
}

fn write_lines(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let raw = str_at(args, 0);
    let enc = encoding("file.writeLines", args, 2)?;
    let Value::Array(items) = &args[1] else { unreachable!("checked by the declaration") };
    let mut text = String::new();
    for item in items.to_vec() {
        write_display(&mut text, &item);
        text.push('\n');
    }
    let bytes = encode("file.writeLines", text, enc)?;
    let path = vm.check_path(Capability::FileWrite, raw)?;
    write_content(vm, "file.writeLines", raw, path, bytes, false)?;
    Ok(Value::Null)
}

fn write_bytes(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let raw = str_at(args, 0);
    let Value::Array(items) = &args[1] else { unreachable!("checked by the declaration") };
    let mut bytes = Vec::with_capacity(items.len());
    for (i, item) in items.to_vec().iter().enumerate() {
        match item {
            Value::Int(n) if (0..=255).contains(n) => bytes.push(*n as u8),
            other => {
                return Err(value_error(format!(
                    "`file.writeBytes`: item {i} is {}, not an int 0-255",
                    crate::display::repr(other)
                )))
            }
        }
    }
    let path = vm.check_path(Capability::FileWrite, raw)?;
    write_content(vm, "file.writeBytes", raw, path, bytes, false)?;
    Ok(Value::Null)
}

fn append(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let raw = str_at(args, 0);
    let enc = encoding("file.append", args, 2)?;
    let bytes = encode("file.append", str_at(args, 1).to_owned(), enc)?;
    let path = vm.check_path(Capability::FileAppend, raw)?;
    write_content(vm, "file.append", raw, path, bytes, true)?;
    Ok(Value::Null)
}

fn delete(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let raw = str_at(args, 0);
    let path = vm.check_path(Capability::FileDelete, raw)?;
    let meta = match fs::symlink_metadata(&path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Value::Bool(false)),
        Err(e) => return Err(io_error("file.delete", "delete", raw, &e)),
    };
    if meta.is_dir() {
        return Err(value_error(format!(
            "`file.delete`: `{raw}` is a directory; use path.removeDir or path.removeDirRecursive"
        )));
    }
    fs::remove_file(&path).map_err(|e| io_error("file.delete", "delete", raw, &e))?;
    Ok(Value::Bool(true))
}

fn copy(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (raw_src, raw_dst) = (str_at(args, 0), str_at(args, 1));
    let src = vm.check_path(Capability::FileRead, raw_src)?;
    let dst = vm.check_path(Capability::FileWrite, raw_dst)?;
    let meta = fs::metadata(&src).map_err(|e| io_error("file.copy", "copy", raw_src, &e))?;
    if !meta.is_file() {
        let why = if meta.is_dir() { "it is a directory" } else { "it is not a regular file" };
        return Err(io_error_msg("file.copy", "copy", raw_src, why));
    }
    if dst.is_dir() {
        return Err(io_error_msg("file.copy", "copy to", raw_dst, "it is a directory"));
    }
    // Copying a file onto itself would truncate it before reading it.
    if fs::metadata(&dst).is_ok_and(|d| same_file(&meta, &d)) {
        return Err(io_error_msg("file.copy", "copy to", raw_dst, "it is the source file itself"));
    }
    let res = if is_special(&dst) {
        bounded(vm, move || fs::copy(&src, &dst))?
    } else {
        fs::copy(&src, &dst)
    };
    res.map_err(|e| io_error("file.copy", &format!("copy `{raw_src}` to"), raw_dst, &e))?;
    Ok(Value::Null)
}

/// Whether two metadata describe the same file.
#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

fn move_(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (raw_src, raw_dst) = (str_at(args, 0), str_at(args, 1));
    vm.check_path(Capability::FileRead, raw_src)?;
    // What is renamed is the entry itself (a link, not its target, as `mv` does): the
    // path the `file.delete` check resolved without following a final link. Renaming
    // the link's target would take a file away from where it was never granted.
    let src = vm.check_path(Capability::FileDelete, raw_src)?;
    let dst = vm.check_path(Capability::FileWrite, raw_dst)?;
    let action = format!("move `{raw_src}` to");
    if let Err(e) = fs::symlink_metadata(&src) {
        return Err(io_error("file.move", "move", raw_src, &e));
    }
    match fs::rename(&src, &dst) {
        Ok(()) => Ok(Value::Null),
        // Another file system: copy a regular file, then remove it.
        Err(e) if e.kind() == io::ErrorKind::CrossesDevices && src.is_file() => {
            fs::copy(&src, &dst).map_err(|e| io_error("file.move", &action, raw_dst, &e))?;
            fs::remove_file(&src).map_err(|e| io_error("file.move", "remove", raw_src, &e))?;
            Ok(Value::Null)
        }
        Err(e) => Err(io_error("file.move", &action, raw_dst, &e)),
    }
}

// ----- metadata (shared with `path`) -------------------------------------------------------

/// `fs::metadata` for a predicate: `None` when nothing is there (or a component of the
/// path is not a directory), an `IOError` for other failures (permission).
fn metadata_if_any(func: &str, raw: &str, path: &Path) -> Result<Option<fs::Metadata>> {
    match fs::metadata(path) {
        Ok(m) => Ok(Some(m)),
        Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => {
            Ok(None)
        }
        Err(e) => Err(io_error(func, "inspect", raw, &e)),
    }
}

/// `exists(p)` of `file` and `path`.
pub(super) fn exists_in(vm: &mut Vm, func: &str, args: &[Value]) -> Result<Value> {
    let raw = str_at(args, 0);
    let path = vm.check_path(Capability::FileRead, raw)?;
    Ok(Value::Bool(metadata_if_any(func, raw, &path)?.is_some()))
}

/// `isFile(p)` of `file` and `path`.
pub(super) fn is_file_in(vm: &mut Vm, func: &str, args: &[Value]) -> Result<Value> {
    let raw = str_at(args, 0);
    let path = vm.check_path(Capability::FileRead, raw)?;
    Ok(Value::Bool(metadata_if_any(func, raw, &path)?.is_some_and(|m| m.is_file())))
}

/// `isDirectory(p)` of `file` and `path`.
pub(super) fn is_directory_in(vm: &mut Vm, func: &str, args: &[Value]) -> Result<Value> {
    let raw = str_at(args, 0);
    let path = vm.check_path(Capability::FileRead, raw)?;
    Ok(Value::Bool(metadata_if_any(func, raw, &path)?.is_some_and(|m| m.is_dir())))
}

fn exists(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    exists_in(vm, "file.exists", args)
}

fn is_file(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    is_file_in(vm, "file.isFile", args)
}

fn is_directory(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    is_directory_in(vm, "file.isDirectory", args)
}

fn size(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let raw = str_at(args, 0);
    let path = vm.check_path(Capability::FileRead, raw)?;
    let meta = fs::metadata(&path).map_err(|e| io_error("file.size", "inspect", raw, &e))?;
    Ok(Value::bigint(meta.len().into()))
}

fn modified_time(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let raw = str_at(args, 0);
    let path = vm.check_path(Capability::FileRead, raw)?;
    let meta =
        fs::metadata(&path).map_err(|e| io_error("file.modifiedTime", "inspect", raw, &e))?;
    let time = meta.modified().map_err(|e| io_error("file.modifiedTime", "inspect", raw, &e))?;
    let secs = match time.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_secs_f64(),
        Err(before) => -before.duration().as_secs_f64(),
    };
    Ok(Value::Float(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_at_line_feeds_and_drop_carriage_returns() {
        assert_eq!(split_lines(""), Vec::<&str>::new());
        assert_eq!(split_lines("a"), ["a"]);
        assert_eq!(split_lines("a\n"), ["a"]);
        assert_eq!(split_lines("a\r\nb\n\nc"), ["a", "b", "", "c"]);
        assert_eq!(split_lines("\n"), [""]);
        assert_eq!(split_lines("a\rb"), ["a\rb"]);
    }

    #[test]
    fn encodings_round_trip_and_refuse_what_they_cannot_hold() {
        let name = |s: &str| encoding("f", &[Value::Null, Value::str(s)], 1);
        assert_eq!(name("UTF-8").unwrap(), Encoding::Utf8);
        assert_eq!(name("utf8").unwrap(), Encoding::Utf8);
        assert_eq!(name("latin-1").unwrap(), Encoding::Latin1);
        assert_eq!(name("ISO-8859-1").unwrap(), Encoding::Latin1);
        assert_eq!(name("ascii").unwrap(), Encoding::Ascii);
        assert_eq!(name("ebcdic").unwrap_err().kind(), ErrorKind::ValueError);
        assert_eq!(encode("f", "é".into(), Encoding::Latin1).unwrap(), [0xE9]);
        assert_eq!(decode("f", "p", vec![0xE9], Encoding::Latin1).unwrap(), "é");
        assert!(encode("f", "€".into(), Encoding::Latin1).is_err());
        assert!(encode("f", "é".into(), Encoding::Ascii).is_err());
        assert!(decode("f", "p", vec![0xE9], Encoding::Utf8).is_err());
        assert!(decode("f", "p", vec![0xE9], Encoding::Ascii).is_err());
    }
}
