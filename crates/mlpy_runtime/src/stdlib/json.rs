//! `json` (spec §12.6): parsing JSON text into values, writing values as JSON text, and
//! a few object helpers.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::BuildHasherDefault;
use std::rc::Rc;

use num_bigint::BigInt;

use super::{no_constants, ModuleDecl};
use crate::dict::{Dict, FxHasher, Key};
use crate::error::{value_error, Result, RuntimeError};
use crate::natives::{int_arg, kind_error, opt, req, str_arg, Kinds, NativeDecl};
use crate::support::float_text::write_float;
use crate::support::strings::{find_special, quoted_len_bound, write_quoted_json};
use crate::value::{Items, Str, Value};
use crate::vm::Vm;

pub(super) static MODULE: ModuleDecl = ModuleDecl::new(
    "json",
    "JSON text to values and back, and a few object helpers",
    FUNCTIONS,
    no_constants,
);

const ANY: Kinds = Kinds::ANY;
const OBJ: Kinds = Kinds::OBJECT;
const STR: Kinds = Kinds::STR;

#[rustfmt::skip]
static FUNCTIONS: &[NativeDecl] = &[
    NativeDecl::function("parse", &[req("s", STR)], "the value of the JSON text s (invalid text: ValueError)", parse),
    NativeDecl::function("safeParse", &[req("s", STR), opt("maxDepth", Kinds::INT, "100")], "parse, refusing values nested deeper than min(maxDepth, 100)", safe_parse),
    NativeDecl::function("stringify", &[req("v", ANY)], "the JSON text of v", stringify),
    NativeDecl::function("prettyPrint", &[req("v", ANY), opt("indent", Kinds::INT, "4")], "the JSON text of v, one item a line, indented by indent spaces per level", pretty_print),
    NativeDecl::function("validate", &[req("s", STR)], "whether s is valid JSON text", validate),
    NativeDecl::function("isObject", &[req("v", ANY)], "whether v is an object", is_object),
    NativeDecl::function("isArray", &[req("v", ANY)], "whether v is an array", is_array),
    NativeDecl::function("isString", &[req("v", ANY)], "whether v is a string", is_string),
    NativeDecl::function("isNumber", &[req("v", ANY)], "whether v is an int or a float", is_number),
    NativeDecl::function("isBoolean", &[req("v", ANY)], "whether v is a boolean", is_boolean),
    NativeDecl::function("isNull", &[req("v", ANY)], "whether v is null", is_null),
    NativeDecl::function("keys", &[req("obj", OBJ)], "the keys of an object", keys),
    NativeDecl::function("values", &[req("obj", OBJ)], "the values of an object", values),
    NativeDecl::function("hasKey", &[req("obj", OBJ), req("k", ANY)], "whether the object has the key k", has_key),
    NativeDecl::function("get", &[req("obj", OBJ), req("k", ANY), opt("default", ANY, "null")], "the value under k, or default", get),
    NativeDecl::function("merge", &[req("a", OBJ), req("b", OBJ)], "a new object: a's entries updated by b's", merge),
];

/// Nesting deeper than this is refused by `parse` (the spec asks for at least 500), and
/// by the writers (whose recursion it bounds).
const MAX_DEPTH: usize = 1000;
/// The most `safeParse` allows, whatever `maxDepth` says.
const SAFE_MAX_DEPTH: i64 = 100;

// ----- parsing -----------------------------------------------------------------------------

/// Values parsed or written between two checks of the deadline and the memory limit.
const CHECK_INTERVAL: u32 = 4096;
/// Keys kept for sharing by one parse (`Parser::keys`), and the longest one kept.
const MAX_SHARED_KEYS: usize = 4096;
const MAX_SHARED_KEY_LEN: usize = 64;

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// The deepest nesting allowed (the top-level value has depth 0).
    max_depth: usize,
    /// The keys made so far, by their text in the input (keys without escapes): the
    /// objects of a document mostly have the same keys, and each is made (and hashed)
    /// once, as CPython's decoder does with its memo.
    keys: HashMap<&'a str, Rc<Str>, BuildHasherDefault<FxHasher>>,
    /// The items of the arrays being parsed, innermost last: one buffer for every level,
    /// so that each array is made at its exact size.
    items: Vec<Value>,
    /// The entries of the objects being parsed, likewise.
    entries: Vec<(Key, Value)>,
    /// Values until the next check of the deadline.
    budget: u32,
}

/// Why a parse stopped.
enum ParseError {
    /// Invalid text (a `ValueError` for `parse`, `false` for `validate`).
    Syntax(String),
    /// The run's time or memory limit (ends the run, whatever the caller).
    Limit(RuntimeError),
}

type ParseResult<T> = std::result::Result<T, ParseError>;

impl<'a> Parser<'a> {
    fn new(text: &'a str, max_depth: usize) -> Parser<'a> {
        Parser {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            max_depth,
            keys: HashMap::default(),
            items: Vec::new(),
            entries: Vec::new(),
            budget: CHECK_INTERVAL,
        }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[cold]
    fn error<T>(&self, what: &str) -> ParseResult<T> {
        let at = self.text[..self.pos].chars().count();
        Err(ParseError::Syntax(format!("{what} at position {at}")))
    }

    fn eat(&mut self, word: &str) -> bool {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            true
        } else {
            false
        }
    }

    /// Counts one value; every `CHECK_INTERVAL` values, checks the deadline.
    #[inline]
    fn count(&mut self) -> ParseResult<()> {
        self.budget -= 1;
        if self.budget == 0 {
            self.budget = CHECK_INTERVAL;
            crate::heap::check_deadline().map_err(ParseError::Limit)?;
        }
        Ok(())
    }

    fn value(&mut self, depth: usize) -> ParseResult<Value> {
        if depth > self.max_depth {
            return self.error(&format!("nesting deeper than {}", self.max_depth));
        }
        self.count()?;
        self.skip_ws();
        match self.peek() {
            None => self.error("unexpected end of text"),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => Ok(Value::Str(self.string()?)),
            Some(b't') if self.eat("true") => Ok(Value::Bool(true)),
            Some(b'f') if self.eat("false") => Ok(Value::Bool(false)),
            Some(b'n') if self.eat("null") => Ok(Value::Null),
            Some(b'N') if self.eat("NaN") => Ok(Value::Float(f64::NAN)),
            Some(b'I') if self.eat("Infinity") => Ok(Value::Float(f64::INFINITY)),
            Some(b'-') if self.eat("-Infinity") => Ok(Value::Float(f64::NEG_INFINITY)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => self.error("unexpected character"),
        }
    }

    /// Checks the memory limit before a buffer of values not yet counted on the heap (the
    /// items or entries gathered) grows: `slot` bytes each.
    fn before_growth(&self, len: usize, capacity: usize, slot: u64) -> ParseResult<()> {
        if len == capacity && len >= 4096 {
            let pending = capacity as u64 * 2 * slot;
            crate::heap::reserve_for(pending, "`json.parse`").map_err(ParseError::Limit)?;
        }
        Ok(())
    }

    fn object(&mut self, depth: usize) -> ParseResult<Value> {
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::object(Dict::default()));
        }
        let base = self.entries.len();
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return self.error("expected a string key");
            }
            let key = self.key()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return self.error("expected `:`");
            }
            self.pos += 1;
            let value = self.value(depth + 1)?;
            self.before_growth(self.entries.len(), self.entries.capacity(), 48)?;
            self.entries.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                _ => return self.error("expected `,` or `}`"),
            }
        }
        let mut dict = Dict::with_capacity(self.entries.len() - base);
        // A repeated key keeps its first position and takes the last value.
        for (key, value) in self.entries.drain(base..) {
            dict.insert(key, value);
        }
        Ok(Value::object(dict))
    }

    fn array(&mut self, depth: usize) -> ParseResult<Value> {
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::array(Vec::new()));
        }
        let base = self.items.len();
        loop {
            let value = self.value(depth + 1)?;
            self.before_growth(self.items.len(), self.items.capacity(), 16)?;
            self.items.push(value);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    break;
                }
                _ => return self.error("expected `,` or `]`"),
            }
        }
        let items: Vec<Value> = self.items.drain(base..).collect();
        Ok(Value::array(items))
    }

    fn number(&mut self) -> ParseResult<Value> {
        let start = self.pos;
        let negative = self.bytes[self.pos] == b'-';
        if negative {
            self.pos += 1;
        }
        let int_start = self.pos;
        // The magnitude, exact while it has at most 18 digits.
        let mut magnitude: i64 = 0;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            magnitude = magnitude.wrapping_mul(10).wrapping_add(i64::from(d - b'0'));
            self.pos += 1;
        }
        let n = self.pos - int_start;
        if n == 0 || (n > 1 && self.bytes[int_start] == b'0') {
            return self.error("invalid number");
        }
        let mut is_float = false;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return self.error("invalid number");
            }
            is_float = true;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return self.error("invalid number");
            }
            is_float = true;
        }
        let text = &self.text[start..self.pos];
        if is_float {
            return Ok(Value::Float(text.parse().unwrap_or(f64::NAN)));
        }
        if n <= 18 {
            return Ok(Value::Int(if negative { -magnitude } else { magnitude }));
        }
        Ok(match text.parse::<i64>() {
            Ok(i) => Value::Int(i),
            // A long number's conversion is superlinear and cannot be interrupted: as
            // for `int(text)`, it stops at the deadline (3,000,000 digits took 8 s past a
            // 2 s limit).
            Err(_) if text.len() > 10_000 => {
                let owned = text.to_owned();
                let limbs = text.len() as u64 / 19;
                let parsed = crate::heap::bounded(limbs.saturating_mul(limbs), move || {
                    owned.parse::<BigInt>().unwrap_or_default()
                })
                .map_err(ParseError::Limit)?;
                Value::bigint(parsed)
            }
            Err(_) => Value::bigint(text.parse::<BigInt>().unwrap_or_default()),
        })
    }

    /// Skips a run of digits; how many.
    fn digits(&mut self) -> usize {
        let from = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        self.pos - from
    }

    fn hex4(&mut self) -> ParseResult<u32> {
        let end = self.pos + 4;
        let Some(hex) = self.bytes.get(self.pos..end).filter(|_| self.text.is_char_boundary(end))
        else {
            return self.error("incomplete `\\u` escape");
        };
        let mut v = 0;
        for &b in hex {
            let digit = match b {
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => return self.error("invalid `\\u` escape"),
            };
            v = v << 4 | u32::from(digit);
        }
        self.pos += 4;
        Ok(v)
    }

    /// An object key: shared with the earlier keys of the same text.
    fn key(&mut self) -> ParseResult<Key> {
        let start = self.pos + 1;
        let end = find_special(self.bytes, start, false);
        if self.bytes.get(end) != Some(&b'"') {
            return Ok(Key::string(self.string()?));
        }
        self.pos = end + 1;
        let text = &self.text[start..end];
        if let Some(s) = self.keys.get(text) {
            return Ok(Key::string(s.clone()));
        }
        let s = Str::new(text);
        if self.keys.len() < MAX_SHARED_KEYS && text.len() <= MAX_SHARED_KEY_LEN {
            self.keys.insert(text, s.clone());
        }
        Ok(Key::string(s))
    }

    /// A string (at its opening quote).
    fn string(&mut self) -> ParseResult<Rc<Str>> {
        let start = self.pos + 1;
        let mut end = find_special(self.bytes, start, false);
        if self.bytes.get(end) == Some(&b'"') {
            // No escapes: the text is the input's.
            self.pos = end + 1;
            return Ok(Str::new(&self.text[start..end]));
        }
        let mut out = String::with_capacity(end - start + 16);
        out.push_str(&self.text[start..end]);
        loop {
            self.pos = end;
            match self.peek() {
                None => return self.error("unterminated string"),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Str::from_string(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let Some(e) = self.peek() else {
                        return self.error("unterminated string");
                    };
                    self.pos += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{C}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let c = self.unicode_escape()?;
                            out.push(c);
                        }
                        _ => {
                            self.pos -= 1;
                            return self.error("invalid escape");
                        }
                    }
                }
                Some(_) => return self.error("control character in a string"),
            }
            end = find_special(self.bytes, self.pos, false);
            out.push_str(&self.text[self.pos..end]);
        }
    }

    /// The character of a `\uXXXX` escape (the `\u` read), a surrogate pair included.
    fn unicode_escape(&mut self) -> ParseResult<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.eat("\\u") {
                    return self.error("lone surrogate escape");
                }
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return self.error("lone surrogate escape");
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return self.error("lone surrogate escape"),
            c => c,
        };
        match char::from_u32(code) {
            Some(c) => Ok(c),
            None => self.error("invalid `\\u` escape"),
        }
    }
}

/// Parses the whole of `text`, allowing nesting up to `max_depth`.
fn parse_text(text: &str, max_depth: usize) -> ParseResult<Value> {
    let mut p = Parser::new(text, max_depth);
    let v = p.value(0)?;
    p.skip_ws();
    if p.pos != text.len() {
        return p.error("unexpected text after the value");
    }
    Ok(v)
}

/// `parse_text` for `func`: invalid text is a `ValueError` naming `func`.
fn parse_for(func: &str, text: &str, max_depth: usize) -> Result<Value> {
    parse_text(text, max_depth).map_err(|e| match e {
        ParseError::Syntax(message) => value_error(format!("`{func}`: {message}")),
        ParseError::Limit(limit) => limit,
    })
}

fn parse(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let text = str_arg("json.parse", "a string", &args[0])?;
    parse_for("json.parse", text, MAX_DEPTH)
}

fn safe_parse(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let text = str_arg("json.safeParse", "a string", &args[0])?;
    let max = match args.get(1) {
        None => SAFE_MAX_DEPTH,
        Some(v) => int_arg("json.safeParse", "an int maxDepth", v)?.min(SAFE_MAX_DEPTH),
    };
    if max < 0 {
        return Err(value_error(format!("`json.safeParse`: maxDepth {max} is negative")));
    }
    parse_for("json.safeParse", text, max as usize)
}

fn validate(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let text = str_arg("json.validate", "a string", &args[0])?;
    match parse_text(text, MAX_DEPTH) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(ParseError::Syntax(_)) => Ok(Value::Bool(false)),
        Err(ParseError::Limit(limit)) => Err(limit),
    }
}

// ----- writing -----------------------------------------------------------------------------

struct Writer {
    out: String,
    /// Spaces per level for `prettyPrint`; `None` for `stringify`.
    indent: Option<usize>,
    /// The containers being written, outermost first (a value inside itself is an error).
    open: Vec<usize>,
    /// The text's capacity when it was last checked against the memory limit.
    checked: usize,
}

impl Writer {
    fn new(indent: Option<usize>) -> Writer {
        Writer { out: String::new(), indent, open: Vec::new(), checked: 0 }
    }

    /// Checks the time limit, and the text's growth against the memory limit (the text is
    /// not a value yet, so the heap does not count it): a value that shares one array or
    /// string many times is small, but its text is not (`a = [a, a]` forty times).
    fn check_limits(&mut self) -> Result<()> {
        crate::heap::tick()?;
        let cap = self.out.capacity();
        if cap > self.checked + (1 << 16) {
            self.checked = cap;
            crate::heap::reserve_for(cap as u64, "the text of `json`")?;
        }
        Ok(())
    }

    fn line(&mut self, level: usize) {
        if let Some(n) = self.indent {
            self.out.push('\n');
            self.out.extend(std::iter::repeat_n(' ', n * level));
        }
    }

    fn enter(&mut self, address: usize) -> Result<()> {
        if self.open.contains(&address) {
            return Err(value_error("`json`: cannot write a value that contains itself"));
        }
        if self.open.len() >= MAX_DEPTH {
            return Err(value_error(format!("`json`: values nested deeper than {MAX_DEPTH}")));
        }
        self.open.push(address);
        Ok(())
    }

    fn int(&mut self, i: i64) {
        self.out.push_str(itoa::Buffer::new().format(i));
    }

    fn value(&mut self, v: &Value, level: usize) -> Result<()> {
        self.check_limits()?;
        match v {
            Value::Null => self.out.push_str("null"),
            Value::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) => self.int(*i),
            Value::BigInt(b) => {
                let _ = write!(self.out, "{}", **b);
            }
            Value::Float(x) if x.is_nan() => self.out.push_str("NaN"),
            Value::Float(x) if x.is_infinite() => {
                self.out.push_str(if *x > 0.0 { "Infinity" } else { "-Infinity" })
            }
            Value::Float(x) => write_float(&mut self.out, *x),
            Value::Str(s) => {
                if s.as_str().len() > 1 << 16 {
                    let need = self.out.len() as u64 + quoted_len_bound(s.as_str());
                    crate::heap::reserve_for(need, "the text of `json`")?;
                }
                write_quoted_json(&mut self.out, s.as_str())
            }
            Value::Array(a) => {
                self.enter(Rc::as_ptr(a) as usize)?;
                // No ML code runs while the text is written: the items are read in place.
                let items = a.items();
                self.out.push('[');
                match &*items {
                    Items::Ints(ints) => {
                        for (i, &n) in ints.iter().enumerate() {
                            self.check_limits()?;
                            self.separator(i, level + 1);
                            self.int(n);
                        }
                    }
                    Items::Values(values) => {
                        for (i, item) in values.iter().enumerate() {
                            self.separator(i, level + 1);
                            self.value(item, level + 1)?;
                        }
                    }
                }
                self.close(items.is_empty(), level, ']');
            }
            Value::Object(o) => {
                self.enter(Rc::as_ptr(o) as usize)?;
                let dict = o.dict.borrow();
                self.out.push('{');
                for (i, (key, item)) in dict.iter().enumerate() {
                    self.separator(i, level + 1);
                    match key {
                        Value::Str(s) => write_quoted_json(&mut self.out, s.as_str()),
                        other => {
                            let mut text = Writer::new(None);
                            text.value(other, 0)?;
                            write_quoted_json(&mut self.out, &text.out);
                        }
                    }
                    self.out.push_str(": ");
                    self.value(item, level + 1)?;
                }
                self.close(dict.is_empty(), level, '}');
            }
            other => {
                return Err(value_error(format!(
                    "`json`: cannot write {} as JSON",
                    other.type_name()
                )))
            }
        }
        Ok(())
    }

    /// Before item `i` of a container whose items are at `level`.
    fn separator(&mut self, i: usize, level: usize) {
        if i > 0 {
            self.out.push(',');
            if self.indent.is_none() {
                self.out.push(' ');
            }
        }
        self.line(level);
    }

    fn close(&mut self, empty: bool, level: usize, bracket: char) {
        if !empty {
            self.line(level);
        }
        self.out.push(bracket);
        self.open.pop();
    }
}

fn write_json(v: &Value, indent: Option<usize>) -> Result<Value> {
    let mut w = Writer::new(indent);
    w.value(v, 0)?;
    // The text is counted on the heap when it becomes a string: check it first.
    crate::heap::reserve_for(w.out.capacity() as u64, "the text of `json`")?;
    Ok(Value::string(w.out))
}

/// The `json.stringify` text of `v` (for `log`'s JSON records).
pub(super) fn stringify_text(v: &Value) -> Result<String> {
    let mut w = Writer::new(None);
    w.value(v, 0)?;
    Ok(w.out)
}

fn stringify(_: &mut Vm, args: &[Value]) -> Result<Value> {
    write_json(&args[0], None)
}

fn pretty_print(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let indent = match args.get(1) {
        None => 4,
        Some(v) => int_arg("json.prettyPrint", "an int indent", v)?,
    };
    let Ok(indent) = usize::try_from(indent) else {
        return Err(value_error(format!("`json.prettyPrint`: indent {indent} is negative")));
    };
    write_json(&args[0], Some(indent))
}

// ----- kind tests and object helpers -------------------------------------------------------

fn is_object(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(args[0], Value::Object(_))))
}

fn is_array(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(args[0], Value::Array(_))))
}

fn is_string(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(args[0], Value::Str(_))))
}

fn is_number(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(args[0].is_number()))
}

fn is_boolean(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(args[0], Value::Bool(_))))
}

fn is_null(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(args[0], Value::Null)))
}

/// The object argument at `idx` of `func`.
fn object_arg<'a>(
    func: &str,
    args: &'a [Value],
    idx: usize,
) -> Result<&'a Rc<crate::value::Object>> {
    match &args[idx] {
        Value::Object(o) => Ok(o),
        other => Err(kind_error(func, "an object", other)),
    }
}

fn keys(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let o = object_arg("json.keys", args, 0)?;
    Ok(Value::array(o.dict.borrow().keys().cloned().collect()))
}

fn values(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let o = object_arg("json.values", args, 0)?;
    Ok(Value::array(o.dict.borrow().values().cloned().collect()))
}

fn has_key(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let o = object_arg("json.hasKey", args, 0)?;
    let key = crate::vm::key_of(&args[1])?;
    Ok(Value::Bool(o.dict.borrow().contains(&key)))
}

fn get(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let o = object_arg("json.get", args, 0)?;
    let key = crate::vm::key_of(&args[1])?;
    let found = o.dict.borrow().get(&key).cloned();
    Ok(found.unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::Null)))
}

fn merge(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let a = object_arg("json.merge", args, 0)?;
    let b = object_arg("json.merge", args, 1)?;
    let mut dict = a.dict.borrow().clone();
    dict.update(&b.dict.borrow());
    Ok(Value::object(dict))
}

#[cfg(test)]
mod tests;
