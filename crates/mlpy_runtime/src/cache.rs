//! The bytecode cache's file format (ARCHITECTURE.md, "The bytecode cache"): one file per
//! compiled ML file, holding everything the front end computed for it, so that a hit is
//! observably identical to a miss.
//!
//! ```text
//! offset  size  field
//!      0     8  magic  b"\x89MLPYC\r\n"
//!      8     4  format version (u32 LE, `FORMAT_VERSION`)
//!     12    16  build fingerprint (`build_fingerprint()`: the sources and rustc of this build)
//!     28    16  key: XXH3-128 of the version, the fingerprint, the compile options and the
//!               source text
//!     44     8  payload length (u64 LE)
//!     52     8  payload checksum: XXH3-64 of the payload
//!     60     …  payload
//! ```
//!
//! The payload: the file's diagnostics (warnings only: a file with errors is never
//! cached), its import statements (names and positions: resolution happens on every run),
//! which statement each import index of the code refers to, its `capability`
//! declarations, then its top-level code object (`bytecode::wire`). Nothing in a cache
//! file is trusted: a file with another magic, version, fingerprint or key, a checksum
//! that does not match, a malformed payload, a position outside the source or code the
//! verifier rejects is a miss (the caller recompiles and rewrites it).
//!
//! This module only encodes and decodes bytes; the CLI's loader (`mlpy_cli::pipeline`)
//! finds, reads and writes the files.

use std::collections::HashSet;
use std::rc::Rc;
use std::sync::Mutex;

use mlpy_syntax::ast::{CapabilityDecl, CapabilityItem, CapabilityOp, Ident};
use mlpy_syntax::{Diagnostic, Severity, SourceFile, Span};

use crate::bytecode::wire::{self, put_len, put_str, put_u32, put_u64, Field, Reader};
use crate::bytecode::CodeObject;
use crate::compiler::{CompileOptions, Prelude};

pub const MAGIC: [u8; 8] = *b"\x89MLPYC\r\n";
/// Bumped whenever the layout changes (the build fingerprint changes with any source
/// change anyway; the version tells a reader of the bytes which layout it is).
pub const FORMAT_VERSION: u32 = 1;
/// The size of the header before the payload.
pub const HEADER_LEN: usize = 60;
/// Where the header's fields start (tests corrupt each one).
pub const FINGERPRINT_AT: usize = 12;
pub const KEY_AT: usize = 28;
pub const LENGTH_AT: usize = 44;
pub const CHECKSUM_AT: usize = 52;

/// The build's fingerprint: a hash (computed by `build.rs`) of the sources of the crates
/// that produce and run bytecode (`mlpy_syntax`, `mlpy_analysis`, `mlpy_runtime`), of the
/// rustc version and of the target. Any change to the compiler gives another one.
pub fn build_fingerprint() -> [u8; 16] {
    let hex = env!("MLPY_BUILD_FINGERPRINT").as_bytes();
    let mut out = [0u8; 16];
    for (i, b) in out.iter_mut().enumerate() {
        let digit = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
        *b = digit(hex[2 * i]) << 4 | digit(hex[2 * i + 1]);
    }
    out
}

/// What a cache file is looked up by: everything the file's compiled form depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key(pub [u8; 16]);

/// The key of a file with this source text, compiled with `options` as the main file or
/// as an imported module (which compiles top-level variables to cells).
pub fn key(source: &str, options: CompileOptions, is_imported_module: bool) -> Key {
    // Destructured so that a new option cannot be forgotten here.
    let CompileOptions { fast_paths } = options;
    let mut material = Vec::with_capacity(source.len() + 32);
    material.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    material.extend_from_slice(&build_fingerprint());
    material.push(u8::from(fast_paths));
    material.push(u8::from(is_imported_module));
    material.extend_from_slice(source.as_bytes());
    Key(xxhash_rust::xxh3::xxh3_128(&material).to_le_bytes())
}

/// An `import` statement of a cached file, as the loader needs it to resolve the import
/// again on every run.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportStmt {
    pub path: Vec<Ident>,
    pub alias: Option<Ident>,
    /// The statement's span (where resolution errors point).
    pub span: Span,
}

/// What the front end found in one file besides its code.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FrontEnd {
    /// The parser's and the static checks' diagnostics (warnings: files with errors are
    /// not cached), in the order they were reported.
    pub diagnostics: Vec<Diagnostic>,
    /// The top-level import statements, in source order.
    pub imports: Vec<ImportStmt>,
    /// For each import index the compiled code uses (relative to the file's first), the
    /// statement in `imports` it was compiled from.
    pub import_calls: Vec<u16>,
    /// The `capability` declarations, in source order.
    pub declarations: Vec<CapabilityDecl>,
}

/// Why a cache file was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Miss {
    /// Not a cache file, or one of another format version.
    NotACacheFile,
    /// Written by another build of mlpy.
    OtherBuild,
    /// For another source text or other compile options.
    Stale,
    /// Truncated, or its checksum does not match.
    Corrupt,
    /// The checksum matches but the content is not valid.
    Malformed,
    /// The code failed verification.
    Rejected(String),
}

impl std::fmt::Display for Miss {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Miss::NotACacheFile => f.write_str("not a cache file of this format"),
            Miss::OtherBuild => f.write_str("written by another build of mlpy"),
            Miss::Stale => f.write_str("the source or the compile options changed"),
            Miss::Corrupt => f.write_str("truncated or corrupt"),
            Miss::Malformed => f.write_str("malformed content"),
            Miss::Rejected(why) => write!(f, "the verifier rejected it: {why}"),
        }
    }
}

/// A cache file of this build for `key` around any `payload` (with its right length and
/// checksum): how the decoder tests and the `cache_decode` fuzz target reach the payload
/// decoder with arbitrary bytes.
pub fn seal(key: Key, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(&MAGIC);
    put_u32(&mut out, FORMAT_VERSION);
    out.extend_from_slice(&build_fingerprint());
    out.extend_from_slice(&key.0);
    put_u64(&mut out, payload.len() as u64);
    put_u64(&mut out, xxhash_rust::xxh3::xxh3_64(payload));
    out.extend_from_slice(payload);
    out
}

/// The bytes of a cache file for `code` (the file's top level) and `front`. `None` when
/// the code holds something the format cannot express: the file is then not cached.
/// `import_base` is the program-wide index of the file's first import.
pub fn encode(
    key: Key,
    front: &FrontEnd,
    code: &CodeObject,
    prelude: &dyn Prelude,
    import_base: u16,
) -> Option<Vec<u8>> {
    let mut payload = Vec::new();
    encode_front(front, &mut payload)?;
    wire::encode_code(code, &mut payload, prelude, import_base)?;
    Some(seal(key, &payload))
}

/// A cache file whose header, checksum and front-end part were accepted; its code is
/// read by `code` once the file's place in the program's import table is known.
pub struct Entry {
    pub front: FrontEnd,
    bytes: Vec<u8>,
    /// Where the code object starts in `bytes`.
    code_at: usize,
}

/// Reads the header and the front-end part of a cache file for `file` (whose source
/// text gave `key`).
pub fn decode(bytes: Vec<u8>, key: Key, file: &SourceFile) -> Result<Entry, Miss> {
    let mut r = Reader::new(&bytes);
    if r.array::<8>() != Some(MAGIC) || r.u32() != Some(FORMAT_VERSION) {
        return Err(Miss::NotACacheFile);
    }
    if r.array::<16>() != Some(build_fingerprint()) {
        return Err(Miss::OtherBuild);
    }
    if r.array::<16>() != Some(key.0) {
        return Err(Miss::Stale);
    }
    let (Some(len), Some(sum)) = (r.u64(), r.u64()) else { return Err(Miss::Corrupt) };
    let payload = &bytes[HEADER_LEN..];
    if payload.len() as u64 != len || xxhash_rust::xxh3::xxh3_64(payload) != sum {
        return Err(Miss::Corrupt);
    }
    let mut r = Reader::new(payload);
    let front = decode_front(&mut r, file).ok_or(Miss::Malformed)?;
    let code_at = HEADER_LEN + r.position();
    Ok(Entry { front, bytes, code_at })
}

impl Entry {
    /// The file's top-level code object, verified, its import indices made absolute by
    /// adding `import_base`.
    pub fn code(
        &self,
        file: &Rc<SourceFile>,
        prelude: &dyn Prelude,
        import_base: u16,
    ) -> Result<Rc<CodeObject>, Miss> {
        let mut r = Reader::new(&self.bytes[self.code_at..]);
        let n_imports = self.front.import_calls.len() as u16;
        let code = wire::decode_code(&mut r, file, prelude, import_base, n_imports, 0).map_err(
            |e| match e {
                wire::DecodeError::Malformed => Miss::Malformed,
                wire::DecodeError::Rejected(v) => Miss::Rejected(v.to_string()),
            },
        )?;
        if !r.at_end() {
            return Err(Miss::Malformed);
        }
        // The loader runs a file's top level as a closure without upvalues: only a module
        // top level (which the verifier proves has no captures) can be one. A crafted
        // file whose top level is a function with captures would index upvalues that do
        // not exist.
        if code.kind() != crate::bytecode::CodeKind::Module {
            return Err(Miss::Malformed);
        }
        Ok(code)
    }
}

/// A 64-bit hash of `bytes` (the CLI names files in a shared cache directory by the hash
/// of their source path).
pub fn hash64(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

fn put_span(out: &mut Vec<u8>, s: Span) {
    put_u32(out, s.start);
    put_u32(out, s.end);
}

fn put_ident(out: &mut Vec<u8>, i: &Ident) -> Option<()> {
    put_str(out, &i.name)?;
    put_span(out, i.span);
    Some(())
}

fn encode_front(f: &FrontEnd, out: &mut Vec<u8>) -> Option<()> {
    put_len(out, f.diagnostics.len())?;
    for d in &f.diagnostics {
        out.push(match d.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
        });
        put_str(out, d.kind)?;
        match d.rule {
            Some((code, name)) => {
                out.push(1);
                put_str(out, code)?;
                put_str(out, name)?;
            }
            None => out.push(0),
        }
        put_str(out, &d.message)?;
        put_span(out, d.span);
        put_len(out, d.labels.len())?;
        for (span, label) in &d.labels {
            put_span(out, *span);
            put_str(out, label)?;
        }
        put_len(out, d.help.len())?;
        for h in &d.help {
            put_str(out, h)?;
        }
    }
    put_len(out, f.imports.len())?;
    for i in &f.imports {
        put_len(out, i.path.len())?;
        for p in &i.path {
            put_ident(out, p)?;
        }
        match &i.alias {
            Some(a) => {
                out.push(1);
                put_ident(out, a)?;
            }
            None => out.push(0),
        }
        put_span(out, i.span);
    }
    put_len(out, f.import_calls.len())?;
    for &c in &f.import_calls {
        // Each must name one of the statements (the decoder checks it too).
        (usize::from(c) < f.imports.len()).then_some(())?;
        c.put(out)?;
    }
    put_len(out, f.declarations.len())?;
    for d in &f.declarations {
        put_ident(out, &d.name)?;
        put_len(out, d.items.len())?;
        for item in &d.items {
            match item {
                CapabilityItem::Resource { pattern, span } => {
                    out.push(0);
                    put_str(out, pattern)?;
                    put_span(out, *span);
                }
                CapabilityItem::Allow { op, target, span } => {
                    out.push(1);
                    out.push(match op {
                        CapabilityOp::Read => 0,
                        CapabilityOp::Write => 1,
                        CapabilityOp::Execute => 2,
                        CapabilityOp::Network => 3,
                        CapabilityOp::System => 4,
                    });
                    match target {
                        Some((t, s)) => {
                            out.push(1);
                            put_str(out, t)?;
                            put_span(out, *s);
                        }
                        None => out.push(0),
                    }
                    put_span(out, *span);
                }
            }
        }
    }
    Some(())
}

/// A span inside `file`'s text, on character boundaries (diagnostics slice the text).
fn take_span(r: &mut Reader<'_>, file: &SourceFile) -> Option<Span> {
    let (start, end) = (r.u32()?, r.u32()?);
    let text = file.text();
    let ok = start <= end
        && text.is_char_boundary(start as usize)
        && text.is_char_boundary(end as usize);
    ok.then_some(Span::new(start, end))
}

fn take_ident(r: &mut Reader<'_>, file: &SourceFile) -> Option<Ident> {
    Some(Ident { name: r.string()?, span: take_span(r, file)? })
}

/// An identifier as the lexer reads one (`[A-Za-z_][A-Za-z0-9_]*`): the name of an import
/// path component or alias read back from a cache file. The loader turns import paths
/// into file paths, so a crafted `..` or `/` must not reach it.
fn take_name(r: &mut Reader<'_>, file: &SourceFile) -> Option<Ident> {
    let ident = take_ident(r, file)?;
    let mut bytes = ident.name.bytes();
    let first = bytes.next()?;
    let ok = (first.is_ascii_alphabetic() || first == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_');
    ok.then_some(ident)
}

fn decode_front(r: &mut Reader<'_>, file: &SourceFile) -> Option<FrontEnd> {
    let mut f = FrontEnd::default();
    for _ in 0..r.count(1 + 4 + 1 + 4 + 8 + 8)? {
        let severity = match r.u8()? {
            1 => Severity::Warning,
            // A file with errors is never cached.
            _ => return None,
        };
        let kind = intern(r.str()?)?;
        let rule = match r.bool()? {
            true => Some((intern(r.str()?)?, intern(r.str()?)?)),
            false => None,
        };
        let message = r.string()?;
        let span = take_span(r, file)?;
        let mut labels = Vec::new();
        for _ in 0..r.count(8 + 4)? {
            labels.push((take_span(r, file)?, r.string()?));
        }
        let mut help = Vec::new();
        for _ in 0..r.count(4)? {
            help.push(r.string()?);
        }
        f.diagnostics.push(Diagnostic { severity, kind, rule, message, span, labels, help });
    }
    for _ in 0..r.count(4 + 1 + 8)? {
        let mut path = Vec::new();
        for _ in 0..r.count(4 + 8)? {
            path.push(take_name(r, file)?);
        }
        if path.is_empty() {
            return None;
        }
        let alias = if r.bool()? { Some(take_name(r, file)?) } else { None };
        f.imports.push(ImportStmt { path, alias, span: take_span(r, file)? });
    }
    for _ in 0..r.count(2)? {
        let c = r.u16()?;
        if usize::from(c) >= f.imports.len() {
            return None;
        }
        f.import_calls.push(c);
    }
    for _ in 0..r.count(4 + 8 + 4)? {
        let name = take_ident(r, file)?;
        let mut items = Vec::new();
        for _ in 0..r.count(1 + 4 + 8)? {
            items.push(match r.u8()? {
                0 => CapabilityItem::Resource { pattern: r.string()?, span: take_span(r, file)? },
                1 => {
                    let op = match r.u8()? {
                        0 => CapabilityOp::Read,
                        1 => CapabilityOp::Write,
                        2 => CapabilityOp::Execute,
                        3 => CapabilityOp::Network,
                        4 => CapabilityOp::System,
                        _ => return None,
                    };
                    let target =
                        if r.bool()? { Some((r.string()?, take_span(r, file)?)) } else { None };
                    CapabilityItem::Allow { op, target, span: take_span(r, file)? }
                }
                _ => return None,
            });
        }
        f.declarations.push(CapabilityDecl { name, items });
    }
    Some(f)
}

/// The most distinct kind and rule texts a process takes from cache files (mlpy has a
/// few dozen): beyond it a file is malformed, so crafted files cannot grow the table.
const MAX_INTERNED: usize = 1024;

/// The `&'static str` of a diagnostic's kind or rule read back from a cache file: each
/// distinct text is allocated once per process.
fn intern(s: &str) -> Option<&'static str> {
    static TABLE: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);
    let mut guard = TABLE.lock().unwrap_or_else(|e| e.into_inner());
    let table = guard.get_or_insert_with(HashSet::new);
    if let Some(&found) = table.get(s) {
        return Some(found);
    }
    if table.len() >= MAX_INTERNED || s.len() > 64 {
        return None;
    }
    let leaked: &'static str = Box::leak(s.to_owned().into_boxed_str());
    table.insert(leaked);
    Some(leaked)
}

#[cfg(test)]
mod tests;
