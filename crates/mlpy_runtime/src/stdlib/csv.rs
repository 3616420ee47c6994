//! `csv` (spec §12.16): reading and writing comma-separated values (RFC 4180), from and
//! to strings and files, with BurntSushi's `csv` crate doing the parsing and quoting.
//!
//! Reading:
//! * A record ends at `\n`, `\r\n` or a lone `\r`; a quoted field may hold the
//!   delimiter, quotes (doubled) and line breaks. Blank lines are no records: they are
//!   skipped with and without headers (Python's `csv.reader` gives `[]` for them).
//! * With headers, the first record names the columns, read once per file (each row's
//!   keys are the same strings); a later cell goes under its column's name, extra cells
//!   are ignored, missing cells are absent, a repeated column name keeps its first
//!   position and its last cell. Without headers, each record is an array of strings.
//! * Malformed text is read as Python's `csv` module reads it (its default, non-strict
//!   dialect), which is also the `csv` crate's reading, so no text is refused: a quote
//!   inside an unquoted field is an ordinary character (`a"b` is `a"b`); characters after
//!   a closing quote continue the field (`"a"b` is `ab`); a quoted field still open at the
//!   end of the text runs to the end (`"abc` is `abc`). The conformance case
//!   `stdlib/csv/malformed.ml` pins these down.
//! * Short cells that a column repeats (categories, flags) are made once per parse and
//!   shared by the rows (`ColumnCache`); strings have no identity in ML.
//! * Text is UTF-8 unless `enc` names another of `file`'s encodings (`"ascii"`,
//!   `"latin-1"`); content that is not valid in it: `ValueError` naming the line.
//!
//! Writing:
//! * A field is quoted when it holds the delimiter, a quote, `\r` or `\n` (quotes doubled),
//!   and a row of one empty cell is written `""` (so that it is not a blank line); lines
//!   end with `\r\n`, as Python's `csv.writer` writes them. An empty row (`[]`) is also
//!   written `""` (the `csv` crate's choice; Python writes a blank line, which reads back
//!   as no row at all).
//! * Cells are written by their display form (§4.7), except that `null` is an empty cell,
//!   as Python's `csv` module writes `None`.
//! * When the first row is an object, its keys are the columns: the header row (when
//!   `headers`) and every object row follow their order; a key missing from a later object
//!   is an empty cell, a key the first object lacks is a `ValueError` (as Python's
//!   `DictWriter`). Array rows are written as they are, any other value as a row of one
//!   cell. When the first row is not an object, an object row is written as its values.
//!
//! `get_headers` of a file without records is `[]`. `append` works on a regular file (or
//! a missing one, which it creates with missing parent directories, as `file.append`);
//! it reads the file's header row to order an object's values; a missing or empty file
//! gets the object's keys as its header row first. When the file does not end with
//! a line break, one is written before the row. `count_rows` counts records without
//! decoding them (every supported encoding agrees on the delimiters and line breaks).
//!
//! Delimiters are one ASCII character other than a quote, `\r` or `\n` (the `csv` crate
//! works on bytes; Python also accepts other characters).

use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::rc::Rc;

use csv::ByteRecord;
use mlpy_sandbox::Capability;

use super::file::{
    decode, encode, encoding, io_error, io_error_msg, read_content, str_at,
    write_content, Encoding,
};
use super::{no_constants, ModuleDecl};
use crate::dict::{Dict, Key};
use crate::display::write_display;
use crate::error::{value_error, Result, RuntimeError};
use crate::natives::{opt, req, Kinds, NativeDecl, Param};
use crate::value::{Str, Value};
use crate::vm::Vm;

const READ: &[Capability] = &[Capability::FileRead];
const WRITE: &[Capability] = &[Capability::FileWrite];
const READ_APPEND: &[Capability] = &[Capability::FileAppend, Capability::FileRead];

const PATH: Param = req("path", Kinds::STR);
const DELIMITER: Param = opt("delimiter", Kinds::STR, "\",\"");
const HEADERS: Param = opt("headers", Kinds::BOOL, "true");
const ENC: Param = opt("enc", Kinds::STR, "\"utf-8\"");
const ROWS: Param = req("rows", Kinds::ARRAY);

#[rustfmt::skip]
static FUNCTIONS: &[NativeDecl] = &[
    NativeDecl::function("read", &[PATH, DELIMITER, HEADERS, ENC], "the rows of a CSV file: objects (header -> cell) with headers, else arrays of strings", read).needs(READ),
    NativeDecl::function("read_string", &[req("text", Kinds::STR), DELIMITER, HEADERS], "the rows of CSV text, as read does", read_string),
    NativeDecl::function("write", &[PATH, ROWS, DELIMITER, HEADERS, ENC], "writes rows (objects, arrays or single values) as a CSV file; returns null", write).needs(WRITE),
    NativeDecl::function("write_string", &[ROWS, DELIMITER, HEADERS], "the CSV text of rows, lines ending with CR LF", write_string),
    NativeDecl::function("count_rows", &[PATH, DELIMITER, HEADERS], "the number of data rows of a CSV file", count_rows).needs(READ),
    NativeDecl::function("get_headers", &[PATH, DELIMITER], "the header row of a CSV file, as an array of strings", get_headers).needs(READ),
    NativeDecl::function("append", &[PATH, req("row", Kinds::ANY), DELIMITER], "appends one row to a CSV file (an object's values in the order of its header row); returns null", append).needs(READ_APPEND),
];

pub(super) static MODULE: ModuleDecl = ModuleDecl::new(
    "csv",
    "comma-separated values (RFC 4180) to values and back",
    FUNCTIONS,
    no_constants,
);

/// Rows read between two checks of the memory limit.
const CHECK_EVERY: usize = 1024;
/// The heap bytes an array slot of a row takes before the array is made.
const SLOT_BYTES: u64 = 16;

// ----- arguments ---------------------------------------------------------------------------

/// The delimiter argument at `idx` (default `,`): one ASCII character, not a quote or a
/// line break.
fn delimiter(func: &str, args: &[Value], idx: usize) -> Result<u8> {
    let Some(Value::Str(s)) = args.get(idx) else {
        return Ok(b',');
    };
    match s.as_str().as_bytes() {
        [b] if b.is_ascii() && !matches!(b, b'"' | b'\r' | b'\n') => Ok(*b),
        _ => Err(value_error(format!(
            "`{func}`: the delimiter must be one ASCII character other than a quote or a line \
             break, got {}",
            crate::display::repr(&args[idx])
        ))),
    }
}

/// The `headers` argument at `idx` (default true).
fn headers(args: &[Value], idx: usize) -> bool {
    !matches!(args.get(idx), Some(Value::Bool(false)))
}

// ----- reading -----------------------------------------------------------------------------

/// Checks that the reader's own buffers for `data` fit in the memory limit. The reader
/// keeps one record at a time, with the bounds of its fields (8 bytes each, in a buffer
/// that doubles); a record can be the whole text (`",".repeat(n)` is one record of
/// `n + 1` empty fields), and that memory is the csv crate's, which no value counts and
/// no check interrupts: so reserve it for as many fields as the text has delimiters.
/// (The records read make at least one value per field, which cost more.)
fn reserve_fields(func: &str, data: &[u8], delim: u8) -> Result<()> {
    let fields = data.iter().filter(|&&b| b == delim).count() as u64 + 1;
    crate::heap::reserve_for(fields * 16, &format!("`{func}`"))
}

fn reader(data: &[u8], delim: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .from_reader(data)
}

/// Reading CSV text (`data`, from `source`: "`data.csv`" or "the text") for `func`.
struct Parse<'a> {
    func: &'a str,
    source: &'a str,
    rdr: csv::Reader<&'a [u8]>,
    rec: ByteRecord,
}

impl<'a> Parse<'a> {
    /// Starts reading `data`, which must be valid UTF-8 (checked here).
    fn new(func: &'a str, source: &'a str, data: &'a [u8], delim: u8) -> Result<Parse<'a>> {
        if let Err(e) = std::str::from_utf8(data) {
            let at = e.valid_up_to();
            let line = data[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            return Err(value_error(format!(
                "`{func}`: {source} is not valid UTF-8 (line {line}, byte {at}); give its \
                 encoding as `enc` if it has another"
            )));
        }
        reserve_fields(func, data, delim)?;
        Ok(Parse { func, source, rdr: reader(data, delim), rec: ByteRecord::new() })
    }

    /// Reads the next record into `self.rec`; false at the end.
    fn next(&mut self) -> Result<bool> {
        crate::heap::tick()?;
        self.rdr.read_byte_record(&mut self.rec).map_err(|e| {
            value_error(format!("`{}`: cannot read {}: {e}", self.func, self.source))
        })
    }

    /// A field of the current record as a string.
    fn text<'f>(&self, field: &'f [u8]) -> Result<&'f str> {
        std::str::from_utf8(field).map_err(|_| {
            // Not reached: the whole text was checked and fields end at ASCII bytes.
            value_error(format!("`{}`: {} is not valid UTF-8", self.func, self.source))
        })
    }

    /// A field of the current record as a new string.
    fn cell(&self, field: &[u8]) -> Result<Rc<Str>> {
        Ok(Str::new(self.text(field)?))
    }

    /// Field `col` of the current record as a string, shared with an equal earlier cell
    /// of the column when the column repeats its values.
    fn cached(&self, caches: &mut Vec<ColumnCache>, col: usize, field: &[u8]) -> Result<Value> {
        // A cache per column is memory no value counts: a record of millions of cells
        // (`",".repeat(n)`) would take gigabytes of it. Wide records share nothing past
        // the first columns.
        if col >= CACHED_COLUMNS {
            return Ok(Value::Str(self.cell(field)?));
        }
        if caches.len() <= col {
            caches.resize_with(col + 1, ColumnCache::default);
        }
        Ok(Value::Str(caches[col].get(self.text(field)?)))
    }

    /// Checks that the current record's cells, about to be made, fit in the memory
    /// limit (a single record can hold millions of them).
    fn reserve_record(&self) -> Result<()> {
        crate::heap::reserve_for(self.rec.len() as u64 * CELL_BYTES, &format!("`{}`", self.func))
    }

    /// Every record, as objects under the first record's names (`headers`) or arrays.
    fn rows(mut self, headers: bool) -> Result<Value> {
        let mut rows: Vec<Value> = Vec::new();
        if !headers {
            let mut caches = Vec::new();
            while self.next()? {
                self.reserve_record()?;
                let mut cells = Vec::with_capacity(self.rec.len());
                for (col, field) in self.rec.iter().enumerate() {
                    cells.push(self.cached(&mut caches, col, field)?);
                }
                rows.push(Value::array(cells));
                check_growth(self.func, &rows)?;
            }
            return Ok(Value::array(rows));
        }
        if !self.next()? {
            return Ok(Value::array(rows));
        }
        // The names, made once; each row's object starts as a copy of `template` (its
        // keys hashed and placed once), then takes its cells by position.
        // Each name is a key, in the names and in every row's object.
        crate::heap::reserve_for(self.rec.len() as u64 * 3 * CELL_BYTES, &format!("`{}`", self.func))?;
        let mut keys = Vec::with_capacity(self.rec.len());
        for field in &self.rec {
            keys.push(Key::string(self.cell(field)?));
        }
        let mut template = Dict::with_capacity(keys.len());
        for k in &keys {
            template.insert(k.clone(), Value::Null);
        }
        let slots: Vec<usize> =
            keys.iter().map(|k| template.get_index_of(k).unwrap_or(0)).collect();
        let mut caches = Vec::with_capacity(keys.len());
        while self.next()? {
            self.reserve_record()?;
            let dict = if self.rec.len() >= keys.len() {
                let mut dict = template.clone();
                for (col, (field, &slot)) in self.rec.iter().zip(&slots).enumerate() {
                    let cell = self.cached(&mut caches, col, field)?;
                    if let Some(v) = dict.get_index_mut(slot) {
                        *v = cell;
                    }
                }
                dict
            } else {
                // Missing cells are absent.
                let mut dict = Dict::with_capacity(self.rec.len());
                for (col, (field, key)) in self.rec.iter().zip(&keys).enumerate() {
                    dict.insert(key.clone(), self.cached(&mut caches, col, field)?);
                }
                dict
            };
            rows.push(Value::object(dict));
            check_growth(self.func, &rows)?;
        }
        Ok(Value::array(rows))
    }
}

/// The distinct short cells of one column seen first, shared by later equal cells: a
/// column of a few repeated values (categories, flags, small numbers) then costs one
/// string per value instead of one per row. A column that does not repeat its values
/// often enough in its first `CACHE_TRIAL` short cells stops looking (strings are
/// immutable and have no identity in ML, so sharing is not observable).
#[derive(Default)]
struct ColumnCache {
    values: Vec<Rc<Str>>,
    lookups: u32,
    hits: u32,
    off: bool,
}

/// The columns that have a cache (see `Parse::cached`).
const CACHED_COLUMNS: usize = 256;
/// The bytes one cell of a record takes: its slot and a new string.
const CELL_BYTES: u64 = 16 + std::mem::size_of::<Str>() as u64 + 16;

/// The most values a column cache holds, and the longest cell it looks up (bytes).
const CACHE_VALUES: usize = 16;
const CACHE_MAX_LEN: usize = 24;
/// Lookups after which a column whose hits are under half stops looking.
const CACHE_TRIAL: u32 = 512;

impl ColumnCache {
    fn get(&mut self, text: &str) -> Rc<Str> {
        if self.off || text.len() > CACHE_MAX_LEN {
            return Str::new(text);
        }
        self.lookups += 1;
        if let Some(v) = self.values.iter().find(|v| v.as_str() == text) {
            self.hits += 1;
            return Rc::clone(v);
        }
        let s = Str::new(text);
        if self.values.len() < CACHE_VALUES {
            self.values.push(Rc::clone(&s));
        }
        if self.lookups == CACHE_TRIAL && self.hits * 2 < self.lookups {
            self.off = true;
            self.values = Vec::new();
        }
        s
    }
}

/// Every `CHECK_EVERY` rows: the rows gathered are not counted until their array is made,
/// so check them against the memory limit now.
fn check_growth(func: &str, rows: &[Value]) -> Result<()> {
    if rows.len().is_multiple_of(CHECK_EVERY) {
        crate::heap::reserve_for(rows.len() as u64 * SLOT_BYTES, &format!("`{func}`"))?;
    }
    Ok(())
}

/// The content of the file `raw` (resolved to `path`) as UTF-8 bytes.
fn file_text(vm: &Vm, func: &str, raw: &str, path: &std::path::Path, enc: Encoding) -> Result<Vec<u8>> {
    let bytes = read_content(vm, func, raw, path, 2)?;
    match enc {
        Encoding::Utf8 => Ok(bytes),
        other => Ok(decode(func, raw, bytes, other)?.into_bytes()),
    }
}

fn read(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    const F: &str = "csv.read";
    let raw = str_at(args, 0);
    let delim = delimiter(F, args, 1)?;
    let enc = encoding(F, args, 3)?;
    let path = vm.check_path(Capability::FileRead, raw)?;
    let data = file_text(vm, F, raw, &path, enc)?;
    let source = format!("`{raw}`");
    Parse::new(F, &source, &data, delim)?.rows(headers(args, 2))
}

fn read_string(_: &mut Vm, args: &[Value]) -> Result<Value> {
    const F: &str = "csv.read_string";
    let text = str_at(args, 0);
    let delim = delimiter(F, args, 1)?;
    Parse::new(F, "the text", text.as_bytes(), delim)?.rows(headers(args, 2))
}

fn count_rows(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    const F: &str = "csv.count_rows";
    let raw = str_at(args, 0);
    let delim = delimiter(F, args, 1)?;
    let path = vm.check_path(Capability::FileRead, raw)?;
    let data = read_content(vm, F, raw, &path, 1)?;
    reserve_fields(F, &data, delim)?;
    let mut rdr = reader(&data, delim);
    let mut rec = ByteRecord::new();
    let mut n: i64 = 0;
    loop {
        crate::heap::tick()?;
        match rdr.read_byte_record(&mut rec) {
            Ok(true) => n += 1,
            Ok(false) => break,
            Err(e) => return Err(value_error(format!("`{F}`: cannot read `{raw}`: {e}"))),
        }
    }
    if headers(args, 2) {
        n = (n - 1).max(0);
    }
    Ok(Value::Int(n))
}

/// The first record of the CSV file at `path` (`None` when it has none), read without
/// reading the rest of the file.
fn first_record(vm: &Vm, func: &str, raw: &str, path: &std::path::Path, delim: u8) -> Result<Option<Vec<String>>> {
    let f = File::open(path).map_err(|e| io_error(func, "read", raw, &e))?;
    // The header row is read up to the memory bound.
    let limit = match vm.limits.max_memory {
        Some(max) => max.saturating_sub(vm.heap.stats().live_bytes),
        None => super::file::READ_CAP,
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .from_reader(BufReader::new(f.take(limit)));
    let mut rec = ByteRecord::new();
    match rdr.read_byte_record(&mut rec) {
        Ok(false) => Ok(None),
        Ok(true) => {
            let mut names = Vec::with_capacity(rec.len());
            for field in &rec {
                match std::str::from_utf8(field) {
                    Ok(s) => names.push(s.to_owned()),
                    Err(_) => {
                        return Err(value_error(format!(
                            "`{func}`: the header row of `{raw}` is not valid UTF-8"
                        )))
                    }
                }
            }
            Ok(Some(names))
        }
        Err(e) => Err(match e.into_kind() {
            csv::ErrorKind::Io(io) => io_error(func, "read", raw, &io),
            other => value_error(format!("`{func}`: cannot read `{raw}`: {other:?}")),
        }),
    }
}

/// Checks that `path` is a regular file (or, with `missing_ok`, nothing).
fn regular(func: &str, raw: &str, path: &std::path::Path, missing_ok: bool) -> Result<bool> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(true),
        Ok(m) if m.is_dir() => Err(io_error_msg(func, "read", raw, "it is a directory")),
        Ok(_) => Err(io_error_msg(func, "read", raw, "it is not a regular file")),
        Err(e) if missing_ok && e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(io_error(func, "read", raw, &e)),
    }
}

fn get_headers(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    const F: &str = "csv.get_headers";
    let raw = str_at(args, 0);
    let delim = delimiter(F, args, 1)?;
    let path = vm.check_path(Capability::FileRead, raw)?;
    regular(F, raw, &path, false)?;
    let names = first_record(vm, F, raw, &path, delim)?.unwrap_or_default();
    Ok(Value::array(names.into_iter().map(Value::string).collect()))
}

// ----- writing -----------------------------------------------------------------------------

/// Writes rows of cells as CSV text.
struct Out {
    wtr: csv::Writer<Vec<u8>>,
    /// The cells of the row being written (their buffers reused from row to row).
    cells: Vec<String>,
    used: usize,
    /// The most the cells of the current row can take once written (quotes doubled).
    row_bytes: u64,
    /// The text's size when it was last checked against the memory limit.
    checked: u64,
}

impl Out {
    fn new(delim: u8) -> Out {
        let wtr = csv::WriterBuilder::new()
            .delimiter(delim)
            .terminator(csv::Terminator::CRLF)
            .quote_style(csv::QuoteStyle::Necessary)
            .flexible(true)
            .from_writer(Vec::new());
        Out { wtr, cells: Vec::new(), used: 0, row_bytes: 0, checked: 0 }
    }

    /// Adds a cell with the text of `v` (null: empty) to the current row.
    fn cell(&mut self, v: &Value) -> Result<()> {
        if self.used == self.cells.len() {
            self.cells.push(String::new());
        }
        let text = &mut self.cells[self.used];
        text.clear();
        match v {
            Value::Null => {}
            Value::Str(s) => text.push_str(s.as_str()),
            other => write_display(text, other),
        }
        self.row_bytes += 2 * text.len() as u64 + 3;
        self.used += 1;
        // The text is not a value yet, so the heap does not count it: rows that repeat one
        // big string are small values but a huge text. Checked as it grows (every 64 KiB).
        let size = self.wtr.get_ref().len() as u64 + self.row_bytes;
        if size > self.checked + (1 << 16) {
            self.checked = size;
            crate::heap::reserve_for(size, "the CSV text")?;
        }
        Ok(())
    }

    /// Ends the current row.
    fn end_row(&mut self) -> Result<()> {
        // The crate quotes a lone empty cell (`""`), so that the row is not a blank line.
        let res = self.wtr.write_record(&self.cells[..self.used]);
        self.used = 0;
        self.row_bytes = 0;
        res.map_err(|e| value_error(format!("`csv`: cannot write a row: {e}")))
    }

    fn finish(self) -> Result<Vec<u8>> {
        self.wtr
            .into_inner()
            .map_err(|e| value_error(format!("`csv`: cannot write the text: {}", e.error())))
    }
}

/// The CSV text of `rows` (see the module documentation), for `func`.
fn rows_text(func: &str, rows: &[Value], delim: u8, headers: bool) -> Result<Vec<u8>> {
    let mut out = Out::new(delim);
    let columns: Option<Vec<Key>> = match rows.first() {
        Some(Value::Object(o)) => Some(o.dict.borrow().keys().filter_map(|k| Key::new(k.clone()).ok()).collect()),
        _ => None,
    };
    if let (Some(columns), true) = (&columns, headers) {
        for name in columns {
            out.cell(name.value())?;
        }
        out.end_row()?;
    }
    for (i, row) in rows.iter().enumerate() {
        crate::heap::tick()?;
        match row {
            Value::Object(o) => {
                let dict = o.dict.borrow();
                match &columns {
                    Some(columns) => object_cells(func, &mut out, &dict, columns, i)?,
                    None => {
                        for v in dict.values() {
                            out.cell(v)?;
                        }
                    }
                }
            }
            Value::Array(a) => {
                for v in a.items().iter() {
                    out.cell(&v)?;
                }
            }
            other => out.cell(other)?,
        }
        out.end_row()?;
    }
    out.finish()
}

/// Adds the cells of an object row under `columns` (missing: empty); a key outside them is
/// a `ValueError`.
fn object_cells(func: &str, out: &mut Out, dict: &Dict, columns: &[Key], row: usize) -> Result<()> {
    let mut found = 0;
    for key in columns {
        match dict.get(key) {
            Some(v) => {
                found += 1;
                out.cell(v)?;
            }
            None => out.cell(&Value::Null)?,
        }
    }
    if found < dict.len() {
        let extra = dict
            .keys()
            .find(|k| Key::new((*k).clone()).is_ok_and(|k| !columns.contains(&k)))
            .map(crate::display::repr)
            .unwrap_or_default();
        let names: Vec<String> = columns.iter().map(|c| crate::display::display(c.value())).collect();
        return Err(value_error(format!(
            "`{func}`: row {row} has the key {extra}, which is not a column ({}); give every \
             column in the first row",
            names.join(", ")
        )));
    }
    Ok(())
}

fn write_string(_: &mut Vm, args: &[Value]) -> Result<Value> {
    const F: &str = "csv.write_string";
    let delim = delimiter(F, args, 1)?;
    let Value::Array(rows) = &args[0] else { unreachable!("checked by the declaration") };
    let bytes = rows_text(F, &rows.to_vec(), delim, headers(args, 2))?;
    // Cells are whole strings and the rest ASCII: the text is UTF-8.
    Ok(Value::string(String::from_utf8(bytes).map_err(|_| value_error("`csv`: invalid text"))?))
}

fn write(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    const F: &str = "csv.write";
    let raw = str_at(args, 0);
    let delim = delimiter(F, args, 2)?;
    let enc = encoding(F, args, 4)?;
    let Value::Array(rows) = &args[1] else { unreachable!("checked by the declaration") };
    let bytes = rows_text(F, &rows.to_vec(), delim, headers(args, 3))?;
    let bytes = match enc {
        Encoding::Utf8 => bytes,
        other => {
            let text = String::from_utf8(bytes).map_err(|_| value_error("`csv`: invalid text"))?;
            encode(F, text, other)?
        }
    };
    let path = vm.check_path(Capability::FileWrite, raw)?;
    write_content(vm, F, raw, path, bytes, false)?;
    Ok(Value::Null)
}

/// Whether the file at `path` is non-empty and does not end with a line break.
fn lacks_final_newline(func: &str, raw: &str, path: &std::path::Path) -> Result<bool> {
    let mut f = File::open(path).map_err(|e| io_error(func, "read", raw, &e))?;
    let len = f.metadata().map_err(|e| io_error(func, "read", raw, &e))?.len();
    if len == 0 {
        return Ok(false);
    }
    let mut last = [0u8; 1];
    f.seek(SeekFrom::End(-1))
        .and_then(|_| f.read_exact(&mut last))
        .map_err(|e| io_error(func, "read", raw, &e))?;
    Ok(!matches!(last[0], b'\n' | b'\r'))
}

fn append(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    const F: &str = "csv.append";
    let raw = str_at(args, 0);
    let delim = delimiter(F, args, 2)?;
    // Both capabilities are checked before anything is read or written.
    let read_path = vm.check_path(Capability::FileRead, raw)?;
    let path = vm.check_path(Capability::FileAppend, raw)?;
    let exists = regular(F, raw, &read_path, true)?;
    let row = &args[1];
    let header = match (row, exists) {
        (Value::Object(_), true) => first_record(vm, F, raw, &read_path, delim)?,
        _ => None,
    };
    let mut out = Out::new(delim);
    match row {
        Value::Object(o) => {
            let dict = o.dict.borrow();
            match header {
                Some(names) => {
                    let columns: Vec<Key> =
                        names.into_iter().map(|n| Key::string(Str::from_string(n))).collect();
                    object_cells(F, &mut out, &dict, &columns, 0)
                        .map_err(|e| reword(e, "row 0 has", "the row has"))?;
                }
                None => {
                    // A new file: the object's keys are its header row.
                    for k in dict.keys() {
                        out.cell(k)?;
                    }
                    out.end_row()?;
                    for v in dict.values() {
                        out.cell(v)?;
                    }
                }
            }
        }
        Value::Array(a) => {
            for v in a.items().iter() {
                out.cell(&v)?;
            }
        }
        other => out.cell(other)?,
    }
    out.end_row()?;
    let mut bytes = out.finish()?;
    if exists && lacks_final_newline(F, raw, &read_path)? {
        bytes.splice(0..0, *b"\r\n");
    }
    write_content(vm, F, raw, path, bytes, true)?;
    Ok(Value::Null)
}

/// `e` with its message's `from` replaced by `to`.
fn reword(e: RuntimeError, from: &str, to: &str) -> RuntimeError {
    RuntimeError::new(e.kind(), e.message().replacen(from, to, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_caches_share_repeated_cells_and_give_up_on_unique_ones() {
        let mut repeated = ColumnCache::default();
        let a = repeated.get("books");
        let b = repeated.get("books");
        assert!(Rc::ptr_eq(&a, &b));
        assert_eq!(repeated.get("toys").as_str(), "toys");
        let long = "x".repeat(CACHE_MAX_LEN + 1);
        assert!(!Rc::ptr_eq(&repeated.get(&long), &repeated.get(&long)));
        let mut unique = ColumnCache::default();
        for i in 0..CACHE_TRIAL {
            assert_eq!(unique.get(&i.to_string()).as_str(), i.to_string());
        }
        assert!(unique.off && unique.values.is_empty());
        assert!(!Rc::ptr_eq(&unique.get("1"), &unique.get("1")));
    }

    #[test]
    fn headers_share_one_string_per_column_across_rows() {
        let data = b"k,v\n1,a\n2,a\n";
        let rows = Parse::new("t", "the text", data, b',').unwrap().rows(true).unwrap();
        let Value::Array(rows) = rows else { panic!() };
        let rows = rows.to_vec();
        let keys = |r: &Value| match r {
            Value::Object(o) => o.dict.borrow().keys().cloned().collect::<Vec<_>>(),
            _ => panic!(),
        };
        let (first, second) = (keys(&rows[0]), keys(&rows[1]));
        for (a, b) in first.iter().zip(&second) {
            match (a, b) {
                (Value::Str(a), Value::Str(b)) => assert!(Rc::ptr_eq(a, b)),
                _ => panic!(),
            }
        }
    }
}
