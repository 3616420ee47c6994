//! `log` (spec §12.17): leveled records written to standard output (the same path as
//! `print`), in text or JSON, and appended to files added with `add_file`.
//!
//! The module functions use the run's default logger (named `default`, made on first use
//! and kept in `Vm::default_logger`); `create_logger(name)` makes a `Logger` library
//! object with the same methods and its own settings, held in a `RefCell` inside it.
//!
//! Records: `msg` may be any value and is written by its display form (§4.7), also as the
//! JSON record's `message` string; `data` is an object or `null` (no data). Text records
//! carry the local time (`[YYYY-MM-DD HH:MM:SS] `, the system time zone through `jiff`,
//! which honours `TZ`), JSON records the UTC time with microseconds; a JSON record is the
//! `json.stringify` text of its object, so a `data` value JSON cannot hold (a function,
//! a value inside itself) is a `ValueError`, as for `json.stringify`.
//!
//! Settings: `set_level` takes the level names in any letter case (`WARN` and `WARNING`
//! are one level); `set_format` takes `"text"` or `"json"` in any letter case. `add_file`
//! checks `file.append` for the path, creates missing parent directories and the file (as
//! `file.append` does), keeps it open and appends each later record to it; adding the same
//! file again changes nothing; a path that is a directory or not a regular file (a FIFO,
//! a device): `IOError`.

use std::cell::RefCell;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;

use mlpy_sandbox::Capability;

use super::file::{io_error, io_error_msg, is_special, str_at};
use super::{no_constants, ModuleDecl};
use crate::dict::Dict;
use crate::display::{display, write_display};
use crate::error::{type_error, value_error, Result};
use crate::natives::{opt, req, Kinds, NativeDecl, Param};
use crate::value::{LibraryClass, LibraryObject, LibraryProperty, Value};
use crate::vm::Vm;

const APPEND: &[Capability] = &[Capability::FileAppend];
const NONE: &[Capability] = &[];

const MSG: Param = req("msg", Kinds::ANY);
const DATA: Param = opt("data", Kinds::OBJECT.or(Kinds::NULL), "null");
const RECORD: &[Param] = &[MSG, DATA];

/// Declares the functions shared by the module (on the default logger) and by `Logger`
/// objects: each core function `core(vm, logger, qualified_name, args)` gets a module
/// function `module_fn` and a method `method_fn`.
macro_rules! logger_functions {
    ($($name:literal, $params:expr, $caps:expr, $doc:literal, $core:ident, $module_fn:ident, $method_fn:ident;)*) => {
        $(
            fn $module_fn(vm: &mut Vm, args: &[Value]) -> Result<Value> {
                let obj = default_logger(vm);
                let logger = logger_of(&obj, concat!("log.", $name))?;
                $core(vm, logger, concat!("log.", $name), args)
            }

            fn $method_fn(vm: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
                let Value::Library(obj) = receiver else {
                    return Err(type_error(concat!("`Logger.", $name, "` needs a Logger")));
                };
                let logger = logger_of(obj, concat!("Logger.", $name))?;
                $core(vm, logger, concat!("Logger.", $name), args)
            }
        )*

        /// The module's functions on the default logger, then `create_logger`.
        static FUNCTIONS: &[NativeDecl] = &[
            $(NativeDecl::function($name, $params, $doc, $module_fn).needs($caps),)*
            NativeDecl::function(
                "create_logger",
                &[req("name", Kinds::STR)],
                "a new Logger with its own settings (level INFO, text, timestamps on)",
                create_logger,
            ),
        ];

        /// The methods of `Logger` objects.
        const METHODS: &[NativeDecl] = &[
            $(NativeDecl::method($name, $params, $doc, $method_fn).needs($caps),)*
        ];
    };
}

logger_functions! {
    "debug", RECORD, NONE, "writes a DEBUG record (msg, and the entries of the object data)", debug_, log_debug, logger_debug;
    "info", RECORD, NONE, "writes an INFO record", info_, log_info, logger_info;
    "warn", RECORD, NONE, "writes a WARNING record", warn_, log_warn, logger_warn;
    "error", RECORD, NONE, "writes an ERROR record", error_, log_error, logger_error;
    "critical", RECORD, NONE, "writes a CRITICAL record", critical_, log_critical, logger_critical;
    "set_level", &[req("level", Kinds::STR)], NONE, "the least level written: DEBUG, INFO, WARN (WARNING), ERROR or CRITICAL, any case; returns null", set_level, log_set_level, logger_set_level;
    "set_format", &[req("f", Kinds::STR)], NONE, "\"text\" or \"json\" records; returns null", set_format, log_set_format, logger_set_format;
    "set_timestamp", &[req("b", Kinds::BOOL)], NONE, "whether records carry a timestamp; returns null", set_timestamp, log_set_timestamp, logger_set_timestamp;
    "add_file", &[req("path", Kinds::STR)], APPEND, "also appends each record to the file at path; returns null", add_file, log_add_file, logger_add_file;
    "is_debug", &[], NONE, "whether DEBUG records are written", is_debug, log_is_debug, logger_is_debug;
}

pub(super) static MODULE: ModuleDecl = ModuleDecl::new(
    "log",
    "leveled log records to standard output and files, as text or JSON",
    FUNCTIONS,
    no_constants,
);

pub static LOGGER: LibraryClass = LibraryClass {
    name: "Logger",
    doc: "a logger with its own name, level, format, timestamps and files (log.create_logger)",
    methods: METHODS,
    properties: &[LibraryProperty { name: "name", doc: "the logger's name", get: name_of }],
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Debug,
    Info,
    Warn,
    Error,
    Critical,
}

impl Level {
    /// The name in text records.
    fn text_name(self) -> &'static str {
        match self {
            Level::Debug => "DEBUG",
            Level::Info => "INFO",
            Level::Warn => "WARNING",
            Level::Error => "ERROR",
            Level::Critical => "CRITICAL",
        }
    }

    /// The name in JSON records.
    fn json_name(self) -> &'static str {
        match self {
            Level::Warn => "WARN",
            other => other.text_name(),
        }
    }
}

/// A file records are appended to.
struct LogFile {
    raw: String,
    path: PathBuf,
    file: File,
}

struct Settings {
    name: String,
    level: Level,
    json: bool,
    timestamp: bool,
    files: Vec<LogFile>,
}

/// A logger's data: its settings, changed through its methods.
pub(crate) struct Logger(RefCell<Settings>);

fn new_logger(name: &str) -> Rc<LibraryObject> {
    let settings = Settings {
        name: name.to_owned(),
        level: Level::Info,
        json: false,
        timestamp: true,
        files: Vec::new(),
    };
    LibraryObject::new(&LOGGER, Logger(RefCell::new(settings)), name.len() + 64)
}

/// The run's default logger (made on first use).
fn default_logger(vm: &mut Vm) -> Rc<LibraryObject> {
    vm.default_logger.get_or_insert_with(|| new_logger("default")).clone()
}

fn logger_of<'a>(obj: &'a LibraryObject, func: &str) -> Result<&'a Logger> {
    obj.data::<Logger>().ok_or_else(|| type_error(format!("`{func}` needs a Logger")))
}

fn name_of(obj: &LibraryObject) -> Value {
    match obj.data::<Logger>() {
        Some(l) => Value::str(&l.0.borrow().name),
        None => Value::Null,
    }
}

fn create_logger(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Library(new_logger(str_at(args, 0))))
}

// ----- records -----------------------------------------------------------------------------

/// The local time as `YYYY-MM-DD HH:MM:SS`.
fn local_time() -> String {
    let dt = jiff::Zoned::now().datetime();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        dt.year(),
        dt.month(),
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second()
    )
}

/// The UTC time as `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
fn utc_time() -> String {
    let dt = jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).datetime();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z",
        dt.year(),
        dt.month(),
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second(),
        dt.subsec_nanosecond() / 1000
    )
}

/// The text record: `[time] LEVEL: msg | key=value, …`.
fn text_record(s: &Settings, level: Level, msg: &Value, data: Option<&Dict>) -> Result<String> {
    let mut out = String::new();
    if s.timestamp {
        out.push('[');
        out.push_str(&local_time());
        out.push_str("] ");
    }
    out.push_str(level.text_name());
    out.push_str(": ");
    write_display(&mut out, msg);
    if let Some(data) = data {
        out.push_str(" | ");
        let mut checked = 0;
        for (i, (k, v)) in data.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            write_display(&mut out, k);
            out.push('=');
            write_display(&mut out, v);
            // The line is not a value yet, so the heap does not count it: entries that
            // repeat one big string are a small object but a huge line.
            crate::heap::tick()?;
            if out.capacity() > checked + (1 << 16) {
                checked = out.capacity();
                crate::heap::reserve_for(checked as u64, "a log record")?;
            }
        }
    }
    out.push('\n');
    Ok(out)
}

/// The JSON record: `json.stringify` of `{message, level, logger[, timestamp][, data]}`.
fn json_record(
    func: &str,
    s: &Settings,
    level: Level,
    msg: &Value,
    data: Option<&Value>,
) -> Result<String> {
    let mut record = Dict::with_capacity(5);
    record.insert_str("message", Value::string(display(msg)));
    record.insert_str("level", Value::str(level.json_name()));
    record.insert_str("logger", Value::str(&s.name));
    if s.timestamp {
        record.insert_str("timestamp", Value::string(utc_time()));
    }
    if let Some(data) = data {
        record.insert_str("data", data.clone());
    }
    // A limit error (the record too large, the time up) stays one: it ends the run.
    let mut text = super::json::stringify_text(&Value::object(record)).map_err(|e| {
        if e.is_catchable() {
            value_error(format!("`{func}`: {}", e.message()))
        } else {
            e
        }
    })?;
    text.push('\n');
    Ok(text)
}

/// Writes a record of `level` when the logger's level lets it through.
fn record(vm: &mut Vm, logger: &Logger, func: &str, level: Level, args: &[Value]) -> Result<Value> {
    let s = logger.0.borrow();
    if level < s.level {
        return Ok(Value::Null);
    }
    let msg = &args[0];
    let data = match args.get(1) {
        Some(v @ Value::Object(o)) if !o.dict.borrow().is_empty() => Some(v),
        _ => None,
    };
    let line = if s.json {
        json_record(func, &s, level, msg, data)?
    } else {
        let dict = match data {
            Some(Value::Object(o)) => Some(o.dict.borrow()),
            _ => None,
        };
        text_record(&s, level, msg, dict.as_deref())?
    };
    vm.write_out(&line)?;
    for f in &s.files {
        (&f.file)
            .write_all(line.as_bytes())
            .map_err(|e| io_error(func, "append to", &f.raw, &e))?;
    }
    Ok(Value::Null)
}

fn debug_(vm: &mut Vm, logger: &Logger, func: &str, args: &[Value]) -> Result<Value> {
    record(vm, logger, func, Level::Debug, args)
}

fn info_(vm: &mut Vm, logger: &Logger, func: &str, args: &[Value]) -> Result<Value> {
    record(vm, logger, func, Level::Info, args)
}

fn warn_(vm: &mut Vm, logger: &Logger, func: &str, args: &[Value]) -> Result<Value> {
    record(vm, logger, func, Level::Warn, args)
}

fn error_(vm: &mut Vm, logger: &Logger, func: &str, args: &[Value]) -> Result<Value> {
    record(vm, logger, func, Level::Error, args)
}

fn critical_(vm: &mut Vm, logger: &Logger, func: &str, args: &[Value]) -> Result<Value> {
    record(vm, logger, func, Level::Critical, args)
}

// ----- settings ----------------------------------------------------------------------------

fn set_level(_: &mut Vm, logger: &Logger, func: &str, args: &[Value]) -> Result<Value> {
    let name = str_at(args, 0);
    let level = match name.to_ascii_uppercase().as_str() {
        "DEBUG" => Level::Debug,
        "INFO" => Level::Info,
        "WARN" | "WARNING" => Level::Warn,
        "ERROR" => Level::Error,
        "CRITICAL" => Level::Critical,
        _ => {
            return Err(value_error(format!(
                "`{func}`: unknown level {name:?} (use DEBUG, INFO, WARN or WARNING, ERROR or \
                 CRITICAL, in any letter case)"
            )))
        }
    };
    logger.0.borrow_mut().level = level;
    Ok(Value::Null)
}

fn set_format(_: &mut Vm, logger: &Logger, func: &str, args: &[Value]) -> Result<Value> {
    let name = str_at(args, 0);
    let json = match name.to_ascii_lowercase().as_str() {
        "text" => false,
        "json" => true,
        _ => {
            return Err(value_error(format!(
                "`{func}`: unknown format {name:?} (use \"text\" or \"json\")"
            )))
        }
    };
    logger.0.borrow_mut().json = json;
    Ok(Value::Null)
}

fn set_timestamp(_: &mut Vm, logger: &Logger, _: &str, args: &[Value]) -> Result<Value> {
    logger.0.borrow_mut().timestamp = matches!(args[0], Value::Bool(true));
    Ok(Value::Null)
}

fn is_debug(_: &mut Vm, logger: &Logger, _: &str, _: &[Value]) -> Result<Value> {
    Ok(Value::Bool(logger.0.borrow().level <= Level::Debug))
}

fn add_file(vm: &mut Vm, logger: &Logger, func: &str, args: &[Value]) -> Result<Value> {
    let raw = str_at(args, 0);
    let path = vm.check_path(Capability::FileAppend, raw)?;
    if logger.0.borrow().files.iter().any(|f| f.path == path) {
        return Ok(Value::Null);
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| io_error(func, "create the parent of", raw, &e))?;
    }
    if path.is_dir() {
        return Err(io_error_msg(func, "log to", raw, "it is a directory"));
    }
    // Opening a FIFO without a reader would block the run.
    if is_special(&path) {
        return Err(io_error_msg(func, "log to", raw, "it is not a regular file"));
    }
    let file = OpenOptions::new()
        .append(true)
        .create(true)
        .open(&path)
        .map_err(|e| io_error(func, "open", raw, &e))?;
    logger.0.borrow_mut().files.push(LogFile { raw: raw.to_owned(), path, file });
    Ok(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(timestamp: bool) -> Settings {
        Settings {
            name: "app".to_owned(),
            level: Level::Info,
            json: false,
            timestamp,
            files: Vec::new(),
        }
    }

    #[test]
    fn text_records_follow_the_spec_layout() {
        let s = settings(false);
        let mut data = Dict::default();
        data.insert_str("user", Value::str("ann"));
        data.insert_str("n", Value::Int(3));
        let line = text_record(&s, Level::Warn, &Value::str("hi"), Some(&data)).unwrap();
        assert_eq!(line, "WARNING: hi | user=ann, n=3\n");
        let line = text_record(&s, Level::Info, &Value::Float(1.0), None).unwrap();
        assert_eq!(line, "INFO: 1.0\n");
    }

    /// `[YYYY-MM-DD HH:MM:SS] ` and `YYYY-MM-DDTHH:MM:SS.ffffffZ`, checked character by
    /// character (no clock value is assumed).
    #[test]
    fn timestamps_have_their_shapes() {
        let shape = |s: &str| -> String {
            s.chars().map(|c| if c.is_ascii_digit() { '9' } else { c }).collect()
        };
        let line = text_record(&settings(true), Level::Info, &Value::str("x"), None).unwrap();
        assert_eq!(shape(&line), "[9999-99-99 99:99:99] INFO: x\n");
        assert_eq!(shape(&utc_time()), "9999-99-99T99:99:99.999999Z");
    }

    #[test]
    fn json_records_put_their_keys_in_order() {
        let mut s = settings(false);
        s.json = true;
        let mut data = Dict::default();
        data.insert_str("k", Value::array(vec![Value::Int(1), Value::Null]));
        let data = Value::object(data);
        let line = json_record("log.info", &s, Level::Warn, &Value::str("é"), Some(&data)).unwrap();
        assert_eq!(
            line,
            "{\"message\": \"\\u00e9\", \"level\": \"WARN\", \"logger\": \"app\", \"data\": {\"k\": [1, null]}}\n"
        );
        s.timestamp = true;
        let line = json_record("log.info", &s, Level::Info, &Value::str("m"), None).unwrap();
        let at = line.find("\"timestamp\": \"").unwrap() + 14;
        assert_eq!(&line[at + 26..], "Z\"}\n");
    }
}
