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
use crate::support::strings::{find_special, write_quoted_json};
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
            Value::Str(s) => write_quoted_json(&mut self.out, s.as_str()),
            Value::Array(a) => {
                self.enter(Rc::as_ptr(a) as usize)?;
                // No ML code runs while the text is written: the items are read in place.
                let items = a.items();
                self.out.push('[');
                match &*items {
                    Items::Ints(ints) => {
                        for (i, &n) in ints.iter().enumerate() {
                            self.count()?;
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
