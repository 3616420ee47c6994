//! Writes a parsed Python pattern (`parse.rs`) in the syntax of the engine (fancy-regex,
//! which hands every part without back-references or look-around to the linear-time
//! `regex` engine).
//!
//! Nothing is left to the engine's own reading of flags or escapes: every leaf is written
//! out with Python's meaning.
//! * Literals are written as `\x{…}` (ASCII letters and digits as themselves); classes are
//!   written range by range, so the engine's class set operations (`&&`, `--`, nested `[`)
//!   never apply.
//! * `\w` is `[\p{L}\p{N}_]`, `\d` is `\p{Nd}` and `\s` is the exact list of
//!   `str.isspace` (which includes `\x1c`–`\x1f`); with ASCII they are the ASCII sets.
//! * IGNORECASE is resolved here: a literal or class becomes the class of the characters
//!   Python treats as equal — the simple case folding closure (regex-syntax's tables),
//!   plus the equivalences CPython adds (`i I ı İ`, `ΐ ΐ`, `ΰ ΰ`, `ﬅ ﬆ`); with ASCII only
//!   ASCII letters fold.
//! * `.` is `[^\n]` (or any character with DOTALL); `^` is `\A` (or after any `\n` with
//!   MULTILINE); `\Z` is the end of the text only (`\z`).
//!
//! Three assertions depend on the text searched, so a pattern is written for a
//! [`TextShape`]: Python's `$` (without MULTILINE) also matches before a final `\n`, which
//! needs a look-ahead only when the text ends with `\n` — otherwise it is `\z`, and the
//! pattern stays linear. Python's `\b` counts `[\p{L}\p{N}_]` as word characters while the
//! engine's Unicode `\b` uses a wider set: on an ASCII text they agree (the fast `\b`),
//! otherwise `\b` is written with look-arounds over Python's set. Python 3.11's `\B` never
//! matches in an empty text.

use std::fmt::Write as _;

use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};

use super::parse::{Anchor, Category, ClassItem, LeafFlags, Node};

/// The properties of the searched text that change how a pattern is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct TextShape {
    pub ends_with_newline: bool,
    pub non_ascii: bool,
    pub empty: bool,
}

/// Which text properties a pattern's translation depends on.
#[derive(Clone, Copy, Debug, Default)]
pub struct Needs {
    /// A `$` without MULTILINE.
    pub final_newline: bool,
    /// A `\b` or `\B`.
    pub boundary: bool,
    /// A `\B`.
    pub not_boundary: bool,
}

impl Needs {
    pub fn of(node: &Node) -> Needs {
        let mut needs = Needs::default();
        visit(node, &mut |n| match n {
            Node::Anchor(Anchor::Dollar { multiline: false }) => needs.final_newline = true,
            Node::Anchor(Anchor::Boundary { word, .. }) => {
                needs.boundary = true;
                needs.not_boundary |= !word;
            }
            _ => {}
        });
        needs
    }
}

fn visit(node: &Node, f: &mut impl FnMut(&Node)) {
    f(node);
    match node {
        Node::Group(n) | Node::NonCapturing(n) | Node::Atomic(n) => visit(n, f),
        Node::Look { node, .. } | Node::Repeat { node, .. } => visit(node, f),
        Node::Conditional { yes, no, .. } => {
            visit(yes, f);
            visit(no, f);
        }
        Node::Concat(items) | Node::Alt(items) => items.iter().for_each(|n| visit(n, f)),
        _ => {}
    }
}

/// The engine pattern for `node` on texts of shape `shape`.
pub fn emit(node: &Node, shape: TextShape) -> String {
    let mut out = String::new();
    Emitter { out: &mut out, shape }.node(node);
    out
}

struct Emitter<'a> {
    out: &'a mut String,
    shape: TextShape,
}

/// Python's Unicode `\s`: the characters of `str.isspace`.
const UNICODE_SPACE: &[(char, char)] = &[
    ('\t', '\r'),
    ('\x1c', ' '),
    ('\u{85}', '\u{85}'),
    ('\u{a0}', '\u{a0}'),
    ('\u{1680}', '\u{1680}'),
    ('\u{2000}', '\u{200a}'),
    ('\u{2028}', '\u{2029}'),
    ('\u{202f}', '\u{202f}'),
    ('\u{205f}', '\u{205f}'),
    ('\u{3000}', '\u{3000}'),
];
/// Python's ASCII `\s`: `[ \t\n\r\f\v]`.
const ASCII_SPACE: &[(char, char)] = &[('\t', '\r'), (' ', ' ')];

/// Characters CPython's IGNORECASE treats as equal beyond simple case folding
/// (`sre_compile._equivalences` and `str.lower` of `İ`).
const EXTRA_EQUIVALENCES: &[&[char]] = &[
    &['i', 'I', '\u{131}', '\u{130}'],
    &['\u{390}', '\u{1fd3}'],
    &['\u{3b0}', '\u{1fe3}'],
    &['\u{fb05}', '\u{fb06}'],
];

impl Emitter<'_> {
    fn node(&mut self, node: &Node) {
        match node {
            Node::Empty => {}
            Node::Literal(c, flags) => {
                if flags.icase && has_case(*c) {
                    let set = fold(&[(*c, *c)], *flags);
                    self.class_text(false, &set, &[]);
                } else {
                    push_char(self.out, *c);
                }
            }
            Node::Any { dotall } => self.out.push_str(if *dotall { "(?s:.)" } else { "[^\\n]" }),
            Node::Class { negated, items, flags } => {
                let mut ranges = Vec::new();
                let mut cats = Vec::new();
                for item in items {
                    match item {
                        ClassItem::Range(a, b) => ranges.push((*a, *b)),
                        ClassItem::Cat(cat, neg) => cats.push((*cat, *neg)),
                    }
                }
                let set = if flags.icase { fold(&ranges, *flags) } else { ranges };
                let cats: Vec<(Category, bool, bool)> =
                    cats.into_iter().map(|(c, n)| (c, n, flags.ascii)).collect();
                self.class_text(*negated, &set, &cats);
            }
            Node::Cat(cat, negated, flags) => {
                self.class_text(*negated, &[], &[(*cat, false, flags.ascii)]);
            }
            Node::Anchor(anchor) => self.anchor(*anchor),
            Node::Group(inner) => {
                self.out.push('(');
                self.node(inner);
                self.out.push(')');
            }
            Node::NonCapturing(inner) => self.wrapped("(?:", inner),
            Node::Atomic(inner) => self.wrapped("(?>", inner),
            Node::Backref { group, icase } => {
                let _ = write!(self.out, "{}\\{group})", if *icase { "(?i:" } else { "(?:" });
            }
            Node::Look { behind, negated, node } => {
                let open = match (behind, negated) {
                    (false, false) => "(?=",
                    (false, true) => "(?!",
                    (true, false) => "(?<=",
                    (true, true) => "(?<!",
                };
                self.wrapped(open, node);
            }
            Node::Repeat { node, min, max, greedy, possessive } => {
                if *possessive {
                    self.out.push_str("(?>");
                }
                if is_atom(node) {
                    self.node(node);
                } else {
                    self.wrapped("(?:", node);
                }
                match max {
                    None => {
                        let _ = write!(self.out, "{{{min},}}");
                    }
                    Some(max) if max == min => {
                        let _ = write!(self.out, "{{{min}}}");
                    }
                    Some(max) => {
                        let _ = write!(self.out, "{{{min},{max}}}");
                    }
                }
                if !greedy {
                    self.out.push('?');
                }
                if *possessive {
                    self.out.push(')');
                }
            }
            Node::Conditional { group, yes, no } => {
                let _ = write!(self.out, "(?({group})");
                self.node(yes);
                self.out.push('|');
                self.node(no);
                self.out.push(')');
            }
            Node::Concat(items) => items.iter().for_each(|n| self.node(n)),
            Node::Alt(items) => {
                self.out.push_str("(?:");
                for (i, n) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push('|');
                    }
                    self.node(n);
                }
                self.out.push(')');
            }
        }
    }

    fn wrapped(&mut self, open: &str, inner: &Node) {
        self.out.push_str(open);
        self.node(inner);
        self.out.push(')');
    }

    fn anchor(&mut self, anchor: Anchor) {
        let text = match anchor {
            Anchor::Caret { multiline: false } | Anchor::StartText => "\\A",
            Anchor::Caret { multiline: true } => "(?m:^)",
            Anchor::Dollar { multiline: true } => "(?m:$)",
            Anchor::Dollar { multiline: false } if self.shape.ends_with_newline => "(?=\\n?\\z)",
            Anchor::Dollar { multiline: false } | Anchor::EndText => "\\z",
            Anchor::Boundary { word, ascii } => {
                if !word && self.shape.empty {
                    // Python 3.11: `\B` does not match in an empty text.
                    "[^\\x{0}-\\x{10FFFF}]"
                } else if !self.shape.non_ascii {
                    // On ASCII text the engine's word set and Python's agree.
                    if word {
                        "\\b"
                    } else {
                        "\\B"
                    }
                } else {
                    let w = if ascii { "[0-9A-Za-z_]" } else { "[\\p{L}\\p{N}_]" };
                    let _ = if word {
                        write!(self.out, "(?:(?<={w})(?!{w})|(?<!{w})(?={w}))")
                    } else {
                        write!(self.out, "(?:(?<={w})(?={w})|(?<!{w})(?!{w}))")
                    };
                    return;
                }
            }
        };
        self.out.push_str(text);
    }

    /// `[…]` (or `[^…]`) of `ranges` and the categories `(category, negated, ascii)`.
    fn class_text(&mut self, negated: bool, ranges: &[(char, char)], cats: &[(Category, bool, bool)]) {
        self.out.push_str(if negated { "[^" } else { "[" });
        for &(a, b) in ranges {
            push_class_char(self.out, a);
            if b != a {
                self.out.push('-');
                push_class_char(self.out, b);
            }
        }
        for &(cat, neg, ascii) in cats {
            if neg {
                self.out.push_str("[^");
            }
            match (cat, ascii) {
                (Category::Digit, false) => self.out.push_str("\\p{Nd}"),
                (Category::Digit, true) => self.out.push_str("0-9"),
                (Category::Word, false) => self.out.push_str("\\p{L}\\p{N}_"),
                (Category::Word, true) => self.out.push_str("0-9A-Za-z_"),
                (Category::Space, ascii) => {
                    for &(a, b) in if ascii { ASCII_SPACE } else { UNICODE_SPACE } {
                        push_class_char(self.out, a);
                        if b != a {
                            self.out.push('-');
                            push_class_char(self.out, b);
                        }
                    }
                }
            }
            if neg {
                self.out.push(']');
            }
        }
        if ranges.is_empty() && cats.is_empty() {
            // `[]` cannot be written: the class of no character, or of every one.
            self.out.truncate(self.out.len() - if negated { 2 } else { 1 });
            self.out.push_str(if negated { "(?s:.)" } else { "[^\\x{0}-\\x{10FFFF}]" });
            return;
        }
        self.out.push(']');
    }
}

/// Whether `node` is written as one atom that a repeat can follow directly.
fn is_atom(node: &Node) -> bool {
    matches!(
        node,
        Node::Literal(..)
            | Node::Any { .. }
            | Node::Class { .. }
            | Node::Cat(..)
            | Node::Group(..)
            | Node::NonCapturing(_)
            | Node::Atomic(_)
            | Node::Backref { .. }
            | Node::Alt(_)
    )
}

/// Whether IGNORECASE can change what `c` matches.
fn has_case(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    let set = fold(&[(c, c)], LeafFlags { icase: true, ascii: false });
    set != [(c, c)]
}

/// The ranges of characters Python's IGNORECASE makes equal to those of `ranges`.
fn fold(ranges: &[(char, char)], flags: LeafFlags) -> Vec<(char, char)> {
    let mut class = ClassUnicode::new(ranges.iter().map(|&(a, b)| ClassUnicodeRange::new(a, b)));
    if flags.ascii {
        // Only ASCII letters fold.
        let mut extra = Vec::new();
        for r in class.iter() {
            for (lo, hi, delta) in [('a', 'z', -32i32), ('A', 'Z', 32)] {
                let a = r.start().max(lo);
                let b = r.end().min(hi);
                if a <= b {
                    let shift = |c: char| char::from_u32((c as i32 + delta) as u32).unwrap_or(c);
                    extra.push(ClassUnicodeRange::new(shift(a), shift(b)));
                }
            }
        }
        class.union(&ClassUnicode::new(extra));
    } else {
        let original = class.clone();
        class.case_fold_simple();
        for group in EXTRA_EQUIVALENCES {
            if group.iter().any(|&c| contains(&original, c) || contains(&class, c)) {
                class.union(&ClassUnicode::new(group.iter().map(|&c| ClassUnicodeRange::new(c, c))));
            }
        }
    }
    class.iter().map(|r| (r.start(), r.end())).collect()
}

fn contains(class: &ClassUnicode, c: char) -> bool {
    class.iter().any(|r| r.start() <= c && c <= r.end())
}

/// A literal character outside a class.
fn push_char(out: &mut String, c: char) {
    if c.is_ascii_alphanumeric() {
        out.push(c);
    } else {
        let _ = write!(out, "\\x{{{:X}}}", c as u32);
    }
}

/// A character inside a class.
fn push_class_char(out: &mut String, c: char) {
    push_char(out, c);
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse;
    use super::*;

    fn out(p: &str, flags: u32) -> String {
        emit(&parse(p, flags).expect(p).root, TextShape::default())
    }

    #[test]
    fn leaves_are_written_with_python_meaning() {
        assert_eq!(out("a.b", 0), "a[^\\n]b");
        assert_eq!(out("\\d+$", 0), "[\\p{Nd}]{1,}\\z");
        assert_eq!(out("(?a)\\w", 0), "[0-9A-Za-z_]");
        assert_eq!(out("[]-]", 0), "[\\x{5D}\\x{2D}]");
        assert_eq!(out("(?i)k", 0), "[Kk\\x{212A}]");
        assert_eq!(out("(?i)i", 0), "[Ii\\x{130}-\\x{131}]");
        assert_eq!(out("(?ai)k", 0), "[Kk]");
        assert_eq!(out("(?P<x>a)(?P=x)", 0), "(a)(?:\\1)");
    }
}
