//! `json` (spec §12.6): parsing JSON text into values, writing values as JSON text, and
//! a few object helpers.

use std::rc::Rc;

use num_bigint::BigInt;

use super::{no_constants, ModuleDecl};
use crate::dict::{Dict, Key};
use crate::error::{value_error, Result};
use crate::natives::{int_arg, kind_error, opt, req, str_arg, Kinds, NativeDecl};
use crate::support::float_text::write_float;
use crate::support::strings::write_quoted_json;
use crate::value::Value;
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

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// The deepest nesting allowed (the top-level value has depth 0).
    max_depth: usize,
}

type ParseResult<T> = std::result::Result<T, String>;

impl Parser<'_> {
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn error<T>(&self, what: &str) -> ParseResult<T> {
        Err(format!("{what} at position {}", self.text[..self.pos].chars().count()))
    }

    fn eat(&mut self, word: &str) -> bool {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> ParseResult<Value> {
        if depth > self.max_depth {
            return self.error(&format!("nesting deeper than {}", self.max_depth));
        }
        self.skip_ws();
        match self.bytes.get(self.pos) {
            None => self.error("unexpected end of text"),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => Ok(Value::string(self.string()?)),
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

    fn object(&mut self, depth: usize) -> ParseResult<Value> {
        self.pos += 1;
        let mut dict = Dict::default();
        self.skip_ws();
        if self.eat("}") {
            return Ok(Value::object(dict));
        }
        loop {
            self.skip_ws();
            if self.bytes.get(self.pos) != Some(&b'"') {
                return self.error("expected a string key");
            }
            let key = self.string()?;
            self.skip_ws();
            if !self.eat(":") {
                return self.error("expected `:`");
            }
            let value = self.value(depth + 1)?;
            // A repeated key keeps its first position and takes the last value.
            dict.insert(Key::string(crate::value::Str::from_string(key)), value);
            self.skip_ws();
            if self.eat(",") {
                continue;
            }
            if self.eat("}") {
                return Ok(Value::object(dict));
            }
            return self.error("expected `,` or `}`");
        }
    }

    fn array(&mut self, depth: usize) -> ParseResult<Value> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.eat("]") {
            return Ok(Value::array(items));
        }
        loop {
            // The items gathered are not counted until the array is made: before their
            // buffer grows, check its new size against the memory limit (`parse` turns
            // this into the limit's error).
            if items.len() == items.capacity() && items.len() >= 4096 {
                let pending = items.capacity() as u64 * 2 * 16;
                if crate::heap::reserve(pending).is_err() {
                    return Err(format!("{OVER_LIMIT}{pending}"));
                }
            }
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            if self.eat(",") {
                continue;
            }
            if self.eat("]") {
                return Ok(Value::array(items));
            }
            return self.error("expected `,` or `]`");
        }
    }

    fn number(&mut self) -> ParseResult<Value> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let from = p.pos;
            while p.bytes.get(p.pos).is_some_and(u8::is_ascii_digit) {
                p.pos += 1;
            }
            p.pos - from
        };
        if self.bytes[self.pos] == b'-' {
            self.pos += 1;
        }
        let int_start = self.pos;
        let n = digits(self);
        if n == 0 || (n > 1 && self.bytes[int_start] == b'0') {
            return self.error("invalid number");
        }
        let mut is_float = false;
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if digits(self) == 0 {
                return self.error("invalid number");
            }
            is_float = true;
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return self.error("invalid number");
            }
            is_float = true;
        }
        let text = &self.text[start..self.pos];
        if is_float {
            return Ok(Value::Float(text.parse().unwrap_or(f64::NAN)));
        }
        Ok(match text.parse::<i64>() {
            Ok(i) => Value::Int(i),
            Err(_) => Value::bigint(text.parse::<BigInt>().unwrap_or_default()),
        })
    }

    fn hex4(&mut self) -> ParseResult<u32> {
        let Some(hex) = self.text.get(self.pos..self.pos + 4) else {
            return self.error("incomplete `\\u` escape");
        };
        let Ok(v) = u32::from_str_radix(hex, 16) else {
            return self.error("invalid `\\u` escape");
        };
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return self.error("invalid `\\u` escape");
        }
        self.pos += 4;
        Ok(v)
    }

    fn string(&mut self) -> ParseResult<String> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let plain = self.pos;
            while let Some(&b) = self.bytes.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[plain..self.pos]);
            match self.bytes.get(self.pos) {
                None => return self.error("unterminated string"),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let Some(&e) = self.bytes.get(self.pos) else {
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

/// A parse stopped by the memory limit.
const OVER_LIMIT: &str = "\0memory limit";

/// Parses the whole of `text`, allowing nesting up to `max_depth`.
fn parse_text(text: &str, max_depth: usize) -> ParseResult<Value> {
    let mut p = Parser { text, bytes: text.as_bytes(), pos: 0, max_depth };
    let v = p.value(0)?;
    p.skip_ws();
    if p.pos != text.len() {
        return p.error("unexpected text after the value");
    }
    Ok(v)
}

fn parse(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let text = str_arg("json.parse", "a string", &args[0])?;
    parse_text(text, MAX_DEPTH).map_err(|e| {
        if let Some(pending) = e.strip_prefix(OVER_LIMIT) {
            let pending = pending.parse().unwrap_or(0);
            match crate::heap::reserve_for(pending, "`json.parse`") {
                Err(limit) => limit,
                // Freed meanwhile (the partial result is gone): report it all the same.
                Ok(()) => value_error("`json.parse`: stopped at the memory limit"),
            }
        } else {
            value_error(format!("`json.parse`: {e}"))
        }
    })
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
    parse_text(text, max as usize).map_err(|e| value_error(format!("`json.safeParse`: {e}")))
}

fn validate(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let text = str_arg("json.validate", "a string", &args[0])?;
    Ok(Value::Bool(parse_text(text, MAX_DEPTH).is_ok()))
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
            crate::heap::reserve_for(cap as u64, "the JSON text")?;
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

    fn value(&mut self, v: &Value, level: usize) -> Result<()> {
        self.check_limits()?;
        match v {
            Value::Null => self.out.push_str("null"),
            Value::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) => self.out.push_str(&i.to_string()),
            Value::BigInt(b) => self.out.push_str(&b.to_string()),
            Value::Float(x) if x.is_nan() => self.out.push_str("NaN"),
            Value::Float(x) if x.is_infinite() => {
                self.out.push_str(if *x > 0.0 { "Infinity" } else { "-Infinity" })
            }
            Value::Float(x) => write_float(&mut self.out, *x),
            Value::Str(s) => write_quoted_json(&mut self.out, s.as_str()),
            Value::Array(a) => {
                self.enter(Rc::as_ptr(a) as usize)?;
                let items = a.to_vec();
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    self.separator(i, level + 1);
                    self.value(item, level + 1)?;
                }
                self.close(items.is_empty(), level, ']');
            }
            Value::Object(o) => {
                self.enter(Rc::as_ptr(o) as usize)?;
                let entries: Vec<(Value, Value)> =
                    o.dict.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                self.out.push('{');
                for (i, (key, item)) in entries.iter().enumerate() {
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
                self.close(entries.is_empty(), level, '}');
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
