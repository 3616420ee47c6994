//! The fast parser and writer against straightforward references, on generated values.

use std::fmt::Write as _;
use std::time::Instant;

use super::*;
use crate::error::ErrorKind;
use crate::heap::Heap;
use crate::support::float_text::format_float;

/// A small xorshift generator: the same values on every run.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn string(&mut self) -> String {
        const POOL: &[char] = &[
            'a', 'b', 'z', 'A', ' ', '/', '"', '\\', '\n', '\t', '\r', '\u{8}', '\u{C}',
            '\u{0}', '\u{1F}', '\u{7E}', '\u{7F}', '\u{80}', 'é', 'ß', '東', '\u{FFFF}',
            '\u{2028}', '😀', '\u{10FFFF}',
        ];
        let len = self.below(30);
        let plain = self.below(3) == 0;
        (0..len)
            .map(|_| if plain && self.below(8) != 0 { 'x' } else { POOL[self.below(POOL.len())] })
            .collect()
    }

    fn float(&mut self) -> f64 {
        match self.below(4) {
            0 => f64::from_bits(self.next()),
            1 => (self.below(2_000_000) as f64 - 1_000_000.0) / 64.0,
            2 => self.below(1000) as f64 * 10f64.powi(self.below(60) as i32 - 30),
            _ => [0.0, -0.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY][self.below(5)],
        }
    }

    fn value(&mut self, depth: usize) -> Value {
        let kinds = if depth >= 4 { 7 } else { 9 };
        match self.below(kinds) {
            0 => Value::Null,
            1 => Value::Bool(self.below(2) == 0),
            2 => Value::Int(self.next() as i64 >> self.below(64)),
            3 => Value::bigint(BigInt::from(self.next() as i64) * BigInt::from(u64::MAX)),
            4 | 5 => Value::Float(self.float()),
            6 => Value::string(self.string()),
            7 => {
                let n = self.below(6);
                let ints = self.below(3) == 0;
                Value::array(
                    (0..n)
                        .map(|_| {
                            if ints {
                                Value::Int(self.next() as i64 >> 40)
                            } else {
                                self.value(depth + 1)
                            }
                        })
                        .collect(),
                )
            }
            _ => {
                let mut dict = Dict::default();
                for _ in 0..self.below(6) {
                    let key = match self.below(6) {
                        0 => Value::Int(self.below(100) as i64),
                        1 => Value::Bool(true),
                        2 => Value::Null,
                        _ => Value::string(self.string()),
                    };
                    let value = self.value(depth + 1);
                    dict.insert(Key::new(key).unwrap(), value);
                }
                Value::object(dict)
            }
        }
    }
}

/// §12.6 written out plainly: one character at a time, ints and floats through their
/// display text, containers through `to_vec` copies.
fn reference_stringify(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::BigInt(b) => out.push_str(&b.to_string()),
        Value::Float(x) if x.is_nan() => out.push_str("NaN"),
        Value::Float(x) if x.is_infinite() => {
            out.push_str(if *x > 0.0 { "Infinity" } else { "-Infinity" })
        }
        Value::Float(x) => out.push_str(&format_float(*x)),
        Value::Str(s) => reference_quote(s.as_str(), out),
        Value::Array(a) => {
            out.push('[');
            for (i, item) in a.to_vec().iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                reference_stringify(item, out);
            }
            out.push(']');
        }
        Value::Object(o) => {
            out.push('{');
            for (i, (k, item)) in o.dict.borrow().iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Value::Str(s) => reference_quote(s.as_str(), out),
                    other => {
                        let mut text = String::new();
                        reference_stringify(other, &mut text);
                        reference_quote(&text, out);
                    }
                }
                out.push_str(": ");
                reference_stringify(item, out);
            }
            out.push('}');
        }
        other => panic!("not generated: {other:?}"),
    }
}

fn reference_quote(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{C}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if !(' '..='\u{7E}').contains(&c) => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// JSON text of `v` in forms the writer never uses, for the parser: random white space,
/// `\/`, `\u` escapes of ordinary characters (upper- or lower-case hexadecimal), exponents.
fn unusual_text(v: &Value, g: &mut Gen, out: &mut String) {
    let ws = |g: &mut Gen, out: &mut String| {
        for _ in 0..g.below(3) {
            out.push([' ', '\t', '\n', '\r'][g.below(4)]);
        }
    };
    ws(g, out);
    match v {
        Value::Float(x) if x.is_finite() && *x != 0.0 && g.below(2) == 0 => {
            let _ = write!(out, "{x:E}");
        }
        Value::Str(s) => {
            out.push('"');
            for c in s.as_str().chars() {
                match (c, g.below(3)) {
                    ('/', 0) => out.push_str("\\/"),
                    (c, 0) if !matches!(c, '"' | '\\') && c >= ' ' => {
                        let mut units = [0u16; 2];
                        for unit in c.encode_utf16(&mut units) {
                            let _ = write!(out, "\\u{unit:04X}");
                        }
                    }
                    (c, _) => {
                        let mut quoted = String::new();
                        reference_quote(&c.to_string(), &mut quoted);
                        out.push_str(&quoted[1..quoted.len() - 1]);
                    }
                }
            }
            out.push('"');
        }
        Value::Array(a) => {
            out.push('[');
            for (i, item) in a.to_vec().iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                unusual_text(item, g, out);
            }
            ws(g, out);
            out.push(']');
        }
        Value::Object(o) => {
            out.push('{');
            for (i, (k, item)) in o.dict.borrow().iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                ws(g, out);
                let key = match k {
                    Value::Str(_) => k.clone(),
                    other => Value::string(stringify_text(other)),
                };
                unusual_text(&key, g, out);
                ws(g, out);
                out.push(':');
                unusual_text(item, g, out);
            }
            ws(g, out);
            out.push('}');
        }
        other => out.push_str(&stringify_text(other)),
    }
    ws(g, out);
}

fn stringify_text(v: &Value) -> String {
    match write_json(v, None) {
        Ok(Value::Str(s)) => s.as_str().to_owned(),
        other => panic!("stringify failed: {other:?}"),
    }
}

fn parse_ok(text: &str) -> Value {
    match parse_text(text, MAX_DEPTH) {
        Ok(v) => v,
        Err(ParseError::Syntax(e)) => panic!("{e}: {text}"),
        Err(ParseError::Limit(e)) => panic!("{}: {text}", e.message()),
    }
}

#[test]
fn stringify_matches_the_reference_and_parse_inverts_it() {
    let mut g = Gen(0x2545_F491_4F6C_DD1D);
    for _ in 0..3000 {
        let v = g.value(0);
        let text = stringify_text(&v);
        let mut reference = String::new();
        reference_stringify(&v, &mut reference);
        assert_eq!(text, reference);
        // parse(stringify(v)) has v's text again: same kinds (1 and 1.0 differ), same
        // float bits (the shortest digits read back exactly), same strings and keys.
        let back = parse_ok(&text);
        assert_eq!(stringify_text(&back), text);
        // The same value, written unusually, parses to the same value.
        let mut unusual = String::new();
        unusual_text(&v, &mut g, &mut unusual);
        assert_eq!(stringify_text(&parse_ok(&unusual)), text, "{unusual}");
    }
}

#[test]
fn repeated_keys_are_shared_and_keep_their_first_position() {
    let v = parse_ok(r#"[{"a": 1, "b": 2, "a": 3}, {"b": 4, "a\u0062": 5, "ab": 6}]"#);
    assert_eq!(stringify_text(&v), r#"[{"a": 3, "b": 2}, {"b": 4, "ab": 6}]"#);
    let Value::Array(a) = &v else { panic!() };
    let (Some(Value::Object(x)), Some(Value::Object(y))) = (a.get(0), a.get(1)) else { panic!() };
    let (x, y) = (x.dict.borrow(), y.dict.borrow());
    let (Some((Value::Str(bx), _)), Some((Value::Str(by), _))) = (x.get_index(1), y.get_index(0))
    else {
        panic!()
    };
    assert!(Rc::ptr_eq(bx, by), "the key \"b\" is made once");
}

#[test]
fn errors_name_the_position_in_characters() {
    let cases = [
        ("", "unexpected end of text at position 0"),
        ("[1,]", "unexpected character at position 3"),
        ("{\"é\" 1}", "expected `:` at position 5"),
        ("{1: 2}", "expected a string key at position 1"),
        ("[1 2]", "expected `,` or `]` at position 3"),
        ("{\"a\": 1 \"b\"}", "expected `,` or `}` at position 8"),
        ("\"ab\\x\"", "invalid escape at position 4"),
        ("\"é\u{1}\"", "control character in a string at position 2"),
        ("\"abc", "unterminated string at position 4"),
        ("\"\\ud800\"", "lone surrogate escape at position 7"),
        ("\"\\u12g4\"", "invalid `\\u` escape at position 3"),
        ("\"\\u12", "incomplete `\\u` escape at position 3"),
        ("01", "invalid number at position 2"),
        ("-", "invalid number at position 1"),
        ("1.e5", "invalid number at position 2"),
        ("1e+", "invalid number at position 3"),
        ("[1] x", "unexpected text after the value at position 4"),
        ("tru", "unexpected character at position 0"),
        ("\"\\ud800\\u0041\"", "lone surrogate escape at position 13"),
        ("{\"a\":", "unexpected end of text at position 5"),
    ];
    for (text, message) in cases {
        match parse_text(text, MAX_DEPTH) {
            Err(ParseError::Syntax(e)) => assert_eq!(e, message, "{text:?}"),
            _ => panic!("{text:?} parsed"),
        }
    }
    match parse_text("[[[1]]]", 2) {
        Err(ParseError::Syntax(e)) => assert_eq!(e, "nesting deeper than 2 at position 3"),
        _ => panic!("too deep, yet parsed"),
    }
}

#[test]
fn numbers_keep_their_kind_and_exact_value() {
    let v = parse_ok("[0, -0, 123456789012345678, -999999999999999999, 9223372036854775807, -9223372036854775808, 9223372036854775808, 1.5, -2e-3, 1E2]");
    assert_eq!(
        stringify_text(&v),
        "[0, 0, 123456789012345678, -999999999999999999, 9223372036854775807, -9223372036854775808, 9223372036854775808, 1.5, -0.002, 100.0]"
    );
}

/// A value whose text is 2^depth times its size: `[a, a]` nested.
fn doubling(depth: usize) -> Value {
    let mut v = Value::array(vec![Value::string("x".repeat(100))]);
    for _ in 0..depth {
        v = Value::array(vec![v.clone(), v]);
    }
    v
}

#[test]
fn the_memory_limit_stops_a_text_larger_than_its_value() {
    let heap = Heap::new();
    heap.set_limits(Some(8 << 20), "8M".to_owned(), None, String::new());
    let _active = heap.activate();
    let err = write_json(&doubling(40), None).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::LimitExceeded);
    assert!(err.message().contains("the text of `json`"), "{}", err.message());
}

#[test]
fn the_deadline_stops_parse_and_stringify() {
    let heap = Heap::new();
    let _active = heap.activate();
    let text = format!("[{}1]", "1, ".repeat(100_000));
    heap.set_limits(None, String::new(), Some(Instant::now()), "1s".to_owned());
    match parse_text(&text, MAX_DEPTH) {
        Err(ParseError::Limit(e)) => assert_eq!(e.kind(), ErrorKind::LimitExceeded),
        _ => panic!("parsed past the deadline"),
    }
    let err = write_json(&doubling(40), None).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::LimitExceeded);
    assert!(err.message().contains("time limit"), "{}", err.message());
}
