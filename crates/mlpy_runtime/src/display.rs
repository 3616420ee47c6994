//! The two text forms of values (spec §4.7): the display form `D(v)` used by `print`, `str`
//! and string `+`, and the literal form `L(v)` used inside containers and by `repr`.

use std::fmt::Write;

use crate::support::{float_text, strings};
use crate::value::Value;

/// Containers nested deeper than this are written as `[...]` / `{...}`.
const MAX_DEPTH: usize = 2_000;

/// `D(v)`.
pub fn display(v: &Value) -> String {
    let mut out = String::new();
    write_display(&mut out, v);
    out
}

/// `L(v)`.
pub fn repr(v: &Value) -> String {
    let mut out = String::new();
    write_repr(&mut out, v);
    out
}

pub fn write_display(out: &mut String, v: &Value) {
    match v {
        Value::Str(s) => out.push_str(s.as_str()),
        Value::Object(o) if o.is_error => {
            let msg = o.dict.borrow().iter().find_map(|(k, v)| match k {
                Value::Str(s) if s.as_str() == "message" => Some(v.clone()),
                _ => None,
            });
            write_display(out, &msg.unwrap_or(Value::Null));
        }
        _ => Writer::new(out).literal(v),
    }
}

pub fn write_repr(out: &mut String, v: &Value) {
    Writer::new(out).literal(v)
}

struct Writer<'a> {
    out: &'a mut String,
    /// The containers being written (to detect self-containing values).
    stack: Vec<*const ()>,
    /// The text's capacity when the memory limit was last checked.
    checked: usize,
    /// Set when the text would pass the memory limit: writing stops, and the limit error
    /// waits in the heap for the VM (`heap::take_pending`) to end the run.
    stopped: bool,
}

impl<'a> Writer<'a> {
    fn new(out: &'a mut String) -> Writer<'a> {
        let checked = out.capacity();
        Writer { out, stack: Vec::new(), checked, stopped: false }
    }

    /// Checks the text's growth against the memory limit (the text is not a value yet,
    /// so it is not counted as live), and now and then the time limit; past either, stops
    /// writing.
    #[inline]
    fn within_limit(&mut self) -> bool {
        if self.stopped {
            return false;
        }
        if let Err(e) = crate::heap::tick() {
            crate::heap::set_pending(e);
            self.stopped = true;
            return false;
        }
        let cap = self.out.capacity();
        if cap > self.checked + (1 << 16) {
            self.checked = cap;
            if let Err(e) = crate::heap::reserve_for(cap as u64, "a text form") {
                crate::heap::set_pending(e);
                self.stopped = true;
                return false;
            }
        }
        true
    }

    fn literal(&mut self, v: &Value) {
        match v {
            Value::Null => self.out.push_str("null"),
            Value::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) => self.out.push_str(int_text(*i, &mut [0; 20])),
            Value::BigInt(b) => {
                let _ = write!(self.out, "{b}");
            }
            Value::Float(f) => float_text::write_float(self.out, *f),
            Value::Str(s) => {
                if s.as_str().len() > 1 << 16 {
                    let need = self.out.len() as u64 + strings::quoted_len_bound(s.as_str());
                    if let Err(e) = crate::heap::reserve_for(need, "a text form") {
                        crate::heap::set_pending(e);
                        self.stopped = true;
                        return;
                    }
                }
                strings::write_quoted_literal(self.out, s.as_str())
            }
            Value::Array(a) => {
                let ptr = std::rc::Rc::as_ptr(a) as *const ();
                if self.stack.contains(&ptr) || self.stack.len() >= MAX_DEPTH {
                    self.out.push_str("[...]");
                    return;
                }
                self.stack.push(ptr);
                self.out.push('[');
                // Writing runs no ML code, so the array cannot change meanwhile.
                let items = a.items();
                for (i, item) in items.iter().enumerate() {
                    if !self.within_limit() {
                        break;
                    }
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    self.literal(&item);
                }
                self.out.push(']');
                self.stack.pop();
            }
            Value::Object(o) => {
                let ptr = std::rc::Rc::as_ptr(o) as *const ();
                if self.stack.contains(&ptr) || self.stack.len() >= MAX_DEPTH {
                    self.out.push_str("{...}");
                    return;
                }
                self.stack.push(ptr);
                self.out.push('{');
                let entries: Vec<(Value, Value)> =
                    o.dict.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                for (i, (k, v)) in entries.iter().enumerate() {
                    if !self.within_limit() {
                        break;
                    }
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    self.literal(k);
                    self.out.push_str(": ");
                    self.literal(v);
                }
                self.out.push('}');
                self.stack.pop();
            }
            Value::Function(c) => {
                let name = match c.code.kind() {
                    crate::bytecode::CodeKind::Function => c.code.name(),
                    _ => "anonymous",
                };
                let _ = write!(self.out, "<function {name}>");
            }
            Value::Native(n) => {
                let _ = write!(self.out, "<function {}>", n.display_name());
            }
            Value::Bound(b) => {
                let _ = write!(self.out, "<function {}>", b.name.as_str());
            }
            Value::Module(m) => {
                let _ = write!(self.out, "<module {}>", m.name);
            }
            Value::Iterator(_) => self.out.push_str("<Iterator>"),
            Value::Library(o) => {
                let _ = write!(self.out, "<{}>", o.class.name);
            }
            // Only crafted bytecode (a cache file) lets a cell reach a value's text; a
            // cell that holds itself is written `<...>`, not followed forever.
            Value::Cell(c) => {
                let ptr = std::rc::Rc::as_ptr(c) as *const ();
                if self.stack.contains(&ptr) || self.stack.len() >= MAX_DEPTH {
                    self.out.push_str("<...>");
                    return;
                }
                self.stack.push(ptr);
                self.literal(&c.get());
                self.stack.pop();
            }
            Value::Raised(e) => self.out.push_str(e.message()),
            Value::Uninit => self.out.push_str("<no value>"),
        }
    }
}

/// The decimal text of `i`, written into `buf` (much cheaper than `format!`).
pub fn int_text(i: i64, buf: &mut [u8; 20]) -> &str {
    let mut n = i.unsigned_abs();
    let mut pos = buf.len();
    loop {
        pos -= 1;
        buf[pos] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if i < 0 {
        pos -= 1;
        buf[pos] = b'-';
    }
    std::str::from_utf8(&buf[pos..]).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_text_matches_format() {
        for i in [0, 7, -7, 10, 99, -100, 1234567890, i64::MAX, i64::MIN] {
            assert_eq!(int_text(i, &mut [0; 20]), i.to_string());
        }
    }

    #[test]
    fn a_cell_that_holds_itself_is_written_once() {
        // Crafted bytecode (`MakeCell r; StoreCell r, r`) can make one and print it.
        let cell = crate::value::VarCell::new(Value::Null);
        cell.set(Value::Cell(cell.clone()));
        assert_eq!(repr(&Value::Cell(cell.clone())), "<...>");
        let arr = Value::array(vec![Value::Cell(cell.clone())]);
        assert_eq!(display(&arr), "[<...>]");
        // Break the cycle so the test frees what it made.
        cell.set(Value::Null);
    }
}
