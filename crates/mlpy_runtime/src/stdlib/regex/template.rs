//! Replacement templates of `sub`, `subn` and `Match.expand`, as CPython 3.11's
//! `sre_parse.parse_template`:
//! * `\g<name>`, `\g<1>`, `\1`…`\99` insert a group (`""` when it did not take part);
//!   three octal digits (`\101`) or `\0…` are an octal character instead;
//! * `\n`, `\t`, `\r`, `\f`, `\v`, `\a`, `\b`, `\\` are those characters;
//! * a backslash before an ASCII letter not listed is an error; before anything else it
//!   is kept, with the character (`\.` gives `\.`).
//!
//! A group that does not exist is an `IndexError` (spec §9.2); a malformed template is a
//! `ValueError`.

use super::engine::{quoted, Pattern};
use crate::error::{index_error, value_error, Result};

/// One piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Group(usize),
}

fn bad(template: &str, message: impl std::fmt::Display) -> crate::error::RuntimeError {
    value_error(format!("invalid replacement template {}: {message}", quoted(template)))
}

/// Parses `template` against `pattern`'s groups.
pub fn parse(template: &str, pattern: &Pattern) -> Result<Vec<Piece>> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let chars: Vec<char> = template.chars().collect();
    let mut i = 0;
    let group = |pieces: &mut Vec<Piece>, text: &mut String, g: usize| {
        if !text.is_empty() {
            pieces.push(Piece::Text(std::mem::take(text)));
        }
        pieces.push(Piece::Group(g));
    };
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != '\\' {
            text.push(c);
            continue;
        }
        let Some(&e) = chars.get(i) else {
            return Err(bad(template, "bad escape (end of pattern)"));
        };
        i += 1;
        match e {
            'g' => {
                if chars.get(i) != Some(&'<') {
                    return Err(bad(template, "missing <"));
                }
                let Some(close) = chars[i + 1..].iter().position(|&c| c == '>') else {
                    return Err(bad(template, "missing >, unterminated name"));
                };
                let name: String = chars[i + 1..i + 1 + close].iter().collect();
                i += close + 2;
                if name.is_empty() {
                    return Err(bad(template, "missing group name"));
                }
                let g = if name.chars().all(|c| c.is_ascii_digit()) {
                    let g: usize = name.parse().unwrap_or(usize::MAX);
                    if g > pattern.groups {
                        // The number as written (without leading zeros), however large.
                        let shown = match name.trim_start_matches('0') {
                            "" => "0",
                            digits => digits,
                        };
                        return Err(index_error(format!(
                            "invalid group reference {shown} in replacement template {}: the pattern has {} group(s)",
                            quoted(template),
                            pattern.groups
                        )));
                    }
                    g
                } else {
                    match pattern.group_index(&name) {
                        Some(g) => g,
                        None if super::parse::is_identifier(&name) => {
                            return Err(index_error(format!(
                                "unknown group name '{name}' in replacement template {}",
                                quoted(template)
                            )))
                        }
                        None => return Err(bad(template, format!("bad character in group name '{name}'"))),
                    }
                };
                group(&mut pieces, &mut text, g);
            }
            '0' => {
                let mut value = 0u32;
                for _ in 0..2 {
                    match chars.get(i).and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            value = value * 8 + d;
                            i += 1;
                        }
                        None => break,
                    }
                }
                text.push(char::from_u32(value).unwrap_or('\0'));
            }
            '1'..='9' => {
                let mut digits = String::from(e);
                if let Some(&d) = chars.get(i).filter(|d| d.is_ascii_digit()) {
                    i += 1;
                    digits.push(d);
                    let third = chars.get(i).copied().filter(|t| t.is_digit(8));
                    if e.is_digit(8) && d.is_digit(8) && third.is_some() {
                        i += 1;
                        digits.push(third.unwrap_or('0'));
                        let value = u32::from_str_radix(&digits, 8).unwrap_or(0);
                        if value > 0o377 {
                            return Err(bad(
                                template,
                                format!("octal escape value \\{digits} outside of range 0-0o377"),
                            ));
                        }
                        text.push(char::from_u32(value).unwrap_or('\0'));
                        continue;
                    }
                }
                let g: usize = digits.parse().unwrap_or(usize::MAX);
                if g > pattern.groups {
                    return Err(index_error(format!(
                        "invalid group reference {g} in replacement template {}: the pattern has {} group(s)",
                        quoted(template),
                        pattern.groups
                    )));
                }
                group(&mut pieces, &mut text, g);
            }
            'a' => text.push('\x07'),
            'b' => text.push('\x08'),
            'f' => text.push('\x0c'),
            'n' => text.push('\n'),
            'r' => text.push('\r'),
            't' => text.push('\t'),
            'v' => text.push('\x0b'),
            '\\' => text.push('\\'),
            e if e.is_ascii_alphabetic() => return Err(bad(template, format!("bad escape \\{e}"))),
            e => {
                text.push('\\');
                text.push(e);
            }
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(pieces)
}

/// Appends the expansion of `pieces` for a match of `text` with group spans `slots`.
pub fn expand_into(out: &mut String, pieces: &[Piece], text: &str, slots: &[Option<(usize, usize)>]) {
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Group(g) => {
                if let Some(Some((s, e))) = slots.get(*g) {
                    out.push_str(&text[*s..*e]);
                }
            }
        }
    }
}

/// Whether the template is plain text (no group, so it can be copied as is).
pub fn literal(pieces: &[Piece]) -> Option<&str> {
    match pieces {
        [] => Some(""),
        [Piece::Text(t)] => Some(t),
        _ => None,
    }
}
