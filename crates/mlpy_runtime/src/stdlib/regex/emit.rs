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
    /// A back-reference under IGNORECASE (without ASCII, with ASCII).
    pub icase_backref: bool,
    pub icase_backref_ascii: bool,
}

impl Needs {
    pub fn of(node: &Node) -> Needs {
        let mut needs = Needs::default();
        visit(node, &mut |n| match n {
            Node::Anchor(Anchor::Dollar { multiline: false }) => needs.final_newline = true,
            Node::Backref { icase: true, ascii, .. } => {
                needs.icase_backref |= !ascii;
                needs.icase_backref_ascii |= *ascii;
            }
            Node::Anchor(Anchor::Boundary { word, .. }) => {
                needs.boundary = true;
                needs.not_boundary |= !word;
            }
            _ => {}
        });
        needs
    }
}

/// Characters on which a case-insensitive back-reference would compare differently:
/// CPython compares the simple lowercase forms (`ſ` is not `s`, `İ` is `i`), the engine
/// the simple case foldings (`ſ` is `s`, `İ` is only itself).
const BACKREF_FOLD_DIFFERS: &[char] = &[
    '\u{b5}', '\u{130}', '\u{17f}', '\u{345}', '\u{3c2}', '\u{3d0}', '\u{3d1}', '\u{3d5}', '\u{3d6}',
    '\u{3f0}', '\u{3f1}', '\u{3f5}', '\u{1c80}', '\u{1c81}', '\u{1c82}', '\u{1c83}', '\u{1c84}',
    '\u{1c85}', '\u{1c86}', '\u{1c87}', '\u{1c88}', '\u{1e9b}', '\u{1fbe}', '\u{1fd3}', '\u{1fe3}',
    '\u{fb05}',
];

impl Needs {
    /// The character of `text` on which a case-insensitive back-reference of this
    /// pattern would not compare as in Python, if any (with ASCII, Python folds only
    /// ASCII letters, so any non-ASCII letter with case).
    pub fn backref_trap(&self, text: &str, ascii: bool) -> Option<char> {
        if ascii || !(self.icase_backref || self.icase_backref_ascii) {
            return None;
        }
        let mut seen = std::collections::HashSet::new();
        text.chars().filter(|c| !c.is_ascii()).find(|&c| {
            if !seen.insert(c) {
                return false;
            }
            let cased = c.is_lowercase() || c.is_uppercase() || c.to_lowercase().ne(c.to_uppercase());
            (self.icase_backref_ascii && cased)
                || (self.icase_backref && (BACKREF_FOLD_DIFFERS.contains(&c) || fold_changes_length(c)))
        })
    }
}

/// Whether a character IGNORECASE makes equal to `c` is of another UTF-8 length (`K`
/// and `k`): the engine's case-insensitive back-reference compares equal byte lengths.
fn fold_changes_length(c: char) -> bool {
    let len = c.len_utf8();
    fold(&[(c, c)], LeafFlags { icase: true, ascii: false })
        .iter()
        .any(|&(a, b)| a.len_utf8() != len || b.len_utf8() != len)
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
    let mut tested = Vec::new();
    visit(node, &mut |n| {
        if let Node::Conditional { group, .. } = n {
            tested.push(*group);
        }
    });
    let mut out = String::new();
    Emitter { out: &mut out, shape, tested: &tested, groups: 0 }.node(node);
    out
}

struct Emitter<'a> {
    out: &'a mut String,
    shape: TextShape,
    /// Groups a conditional tests.
    tested: &'a [usize],
    /// Groups written so far (a group's number is its place in the pre-order).
    groups: usize,
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
/// A class that matches no character.
const NOTHING: &str = "[^\\x{0}-\\x{10FFFF}]";
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
                self.groups += 1;
                self.out.push('(');
                if self.tested.contains(&self.groups) {
                    // The engine hands a fixed-width part without look-around to its
                    // linear engine, which cannot backtrack into it to unset the group
                    // for a conditional that tests it; an empty look-ahead keeps it on
                    // the backtracking VM.
                    self.out.push_str("(?=)");
                }
                self.node(inner);
                self.out.push(')');
            }
            Node::NonCapturing(inner) => self.wrapped("(?:", inner),
            Node::Atomic(inner) => self.wrapped("(?>", inner),
            Node::Backref { group, icase, .. } => {
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
            Node::Repeat { node, max: Some(0), .. } => {
                // `X{0}`: X never runs, but its groups exist (and never take part).
                self.out.push_str("(?:");
                self.out.push_str(NOTHING);
                self.node(node);
                self.out.push_str(")?");
            }
            Node::Repeat { node, min, greedy, possessive, .. } if max_width(node) == Some(0) => {
                // The engine refuses to repeat what matches only the empty string. In
                // Python such a repeat runs its body at most once (an empty iteration
                // ends the loop), so it is the body, optional when `min` is 0.
                let open = if *possessive { "(?>" } else { "(?:" };
                if *min > 0 {
                    self.wrapped(open, node);
                } else if *greedy {
                    self.out.push_str(open);
                    self.node(node);
                    self.out.push_str("|)");
                } else {
                    self.out.push_str("(?:|");
                    self.node(node);
                    self.out.push(')');
                }
            }
            Node::Repeat { node, min, max, greedy, possessive } => {
                if *possessive {
                    // Python's possessive repeat: each iteration is atomic, and so is
                    // the loop (`(?>(?>X){m,n})`; `(?>X{m,n})` would still backtrack
                    // into earlier iterations to reach `m`).
                    self.out.push_str("(?>");
                    self.wrapped("(?>", node);
                } else if is_atom(node) {
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
                let yes = self.sub(yes);
                let no = self.sub(no);
                // With both branches empty it matches the empty string either way; the
                // engine would read `(?(1))` as "only if group 1 matched" (Oniguruma).
                let empty = |t: &str| t.replace("(?:", "").replace(')', "").is_empty();
                if !empty(&yes) || !empty(&no) {
                    let _ = write!(self.out, "(?({group}){yes}|{no})");
                }
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

    /// The text of `node`, written apart (group numbering goes on).
    fn sub(&mut self, node: &Node) -> String {
        let mut out = String::new();
        let mut e = Emitter { out: &mut out, shape: self.shape, tested: self.tested, groups: self.groups };
        e.node(node);
        self.groups = e.groups;
        out
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
                    NOTHING
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
            self.out.push_str(if negated { "(?s:.)" } else { NOTHING });
            return;
        }
        self.out.push(']');
    }
}

/// For each group (in number order), the repeats (that can run more than once) that
/// enclose it, as ids — two groups in one such repeat can close in either order — and
/// the groups that enclose it.
pub fn group_loops(node: &Node) -> Vec<(Vec<usize>, Vec<usize>)> {
    struct Walk {
        loops: Vec<usize>,
        next_loop: usize,
        open: Vec<usize>,
        out: Vec<(Vec<usize>, Vec<usize>)>,
    }
    fn walk(node: &Node, w: &mut Walk) {
        match node {
            Node::Group(inner) => {
                w.out.push((w.loops.clone(), w.open.clone()));
                w.open.push(w.out.len());
                walk(inner, w);
                w.open.pop();
            }
            Node::Repeat { node, max, .. } if max.is_none_or(|m| m >= 2) => {
                w.next_loop += 1;
                w.loops.push(w.next_loop);
                walk(node, w);
                w.loops.pop();
            }
            Node::NonCapturing(n) | Node::Atomic(n) => walk(n, w),
            Node::Look { node, .. } | Node::Repeat { node, .. } => walk(node, w),
            Node::Conditional { yes, no, .. } => {
                walk(yes, w);
                walk(no, w);
            }
            Node::Concat(items) | Node::Alt(items) => items.iter().for_each(|n| walk(n, w)),
            _ => {}
        }
    }
    let mut w = Walk { loops: Vec::new(), next_loop: 0, open: Vec::new(), out: Vec::new() };
    walk(node, &mut w);
    w.out
}

/// A construct the engine would match differently from Python, found before compiling:
/// a greedy or possessive repeat (more than once) of a body that can match the empty
/// string and holds a group that can too. Python runs one last, empty iteration and
/// records its empty group (`(a|)+` on "aa" gives group 1 = ""); the engine does not.
/// A possessive repeat of such a body with any group is refused too: CPython 3.11 leaves
/// an empty span in a group of the last, empty iteration even when the group itself
/// cannot match empty (`(?:(a)|)*+` on "a" gives group 1 = (1, 1)); found by the oracle.
pub fn unsupported(node: &Node) -> Option<&'static str> {
    let mut found = None;
    visit(node, &mut |n| {
        if let Node::Repeat { node, max, greedy, possessive, .. } = n {
            let loops = max.is_none_or(|m| m >= 2);
            if loops
                && (*greedy || *possessive)
                && min_width(node) == 0
                && max_width(node) != Some(0)
                && (has_nullable_group(node) || (*possessive && has_group(node)))
            {
                found = Some(
                    "a repeated group that can match the empty string (such as `(a|)+` or `(a*)*`) is not supported: Python records an empty last repetition in it and the engine does not; make the group non-empty (`(a+)*`) or the repeat lazy",
                );
            }
        }
    });
    found
}

fn has_group(node: &Node) -> bool {
    let mut found = false;
    visit(node, &mut |n| found |= matches!(n, Node::Group(_)));
    found
}

fn has_nullable_group(node: &Node) -> bool {
    let mut found = false;
    visit(node, &mut |n| {
        if let Node::Group(inner) = n {
            found |= min_width(inner) == 0;
        }
    });
    found
}

/// The fewest characters `node` can match.
fn min_width(node: &Node) -> u64 {
    match node {
        Node::Empty | Node::Anchor(_) | Node::Look { .. } | Node::Backref { .. } => 0,
        Node::Literal(..) | Node::Any { .. } | Node::Class { .. } | Node::Cat(..) => 1,
        Node::Group(n) | Node::NonCapturing(n) | Node::Atomic(n) => min_width(n),
        Node::Repeat { node, min, .. } => min_width(node).saturating_mul(u64::from(*min)),
        Node::Conditional { yes, no, .. } => min_width(yes).min(min_width(no)),
        Node::Concat(items) => items.iter().map(min_width).fold(0, u64::saturating_add),
        Node::Alt(items) => items.iter().map(min_width).min().unwrap_or(0),
    }
}

/// The most characters `node` can match: `None` when unbounded or unknown (a
/// back-reference).
fn max_width(node: &Node) -> Option<u64> {
    match node {
        Node::Empty | Node::Anchor(_) | Node::Look { .. } => Some(0),
        Node::Literal(..) | Node::Any { .. } | Node::Class { .. } | Node::Cat(..) => Some(1),
        Node::Group(n) | Node::NonCapturing(n) | Node::Atomic(n) => max_width(n),
        Node::Backref { .. } => None,
        Node::Repeat { node, max, .. } => match (max_width(node)?, max) {
            (0, _) | (_, Some(0)) => Some(0),
            (w, Some(m)) => w.checked_mul(u64::from(*m)),
            (_, None) => None,
        },
        Node::Conditional { yes, no, .. } => Some(max_width(yes)?.max(max_width(no)?)),
        Node::Concat(items) => items.iter().try_fold(0u64, |acc, n| acc.checked_add(max_width(n)?)),
        Node::Alt(items) => items.iter().try_fold(0u64, |acc, n| Some(acc.max(max_width(n)?))),
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
