//! The parser of Python `re` pattern syntax (CPython 3.11's `sre_parse`), to a small tree
//! that `emit.rs` writes out in the engine's syntax.
//!
//! The parser follows `sre_parse` rule by rule, so that a pattern is accepted or rejected
//! exactly as Python does, and means what it means in Python:
//! * `{` that does not start a complete `{m}`, `{m,}`, `{,n}` or `{m,n}` is a literal, and
//!   `{,n}` means `{0,n}`; `*+`, `++`, `?+`, `{m,n}+` are possessive (3.11);
//! * `\1`…`\99` are group references, except three octal digits (`\141`) and `\0…` which
//!   are octal escapes; inside a class every digit escape is octal (`\8` is an error);
//! * in a class, `]` first is a literal, `-` first or last is a literal, `\b` is a
//!   backspace, and `[`, `&&`, `--`, `~~`, `||` have no special meaning;
//! * VERBOSE skips whitespace and `#` comments outside classes only;
//! * global inline flags (`(?i)`) must open the pattern; scoped ones (`(?i-s:…)`) cannot
//!   turn `a`/`u` off; `L` is refused for str patterns;
//! * look-behinds must be of fixed width, and may not refer to their own groups;
//! * a group reference must name a group that is already closed.
//!
//! Flags are resolved here: each leaf carries the flags in force where it was written, so
//! the emitter needs no scoped flag groups.

use std::collections::HashMap;

/// Flag bits, with Python's (and the spec's, §12.7) values.
pub const IGNORECASE: u32 = 2;
pub const LOCALE: u32 = 4;
pub const MULTILINE: u32 = 8;
pub const DOTALL: u32 = 16;
pub const UNICODE: u32 = 32;
pub const VERBOSE: u32 = 64;
pub const ASCII: u32 = 256;
/// Every flag the module accepts.
pub const KNOWN_FLAGS: u32 = IGNORECASE | MULTILINE | DOTALL | UNICODE | VERBOSE | ASCII;

/// `\d \D \s \S \w \W`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Digit,
    Space,
    Word,
}

/// One member of a character class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClassItem {
    Range(char, char),
    /// A category, negated or not.
    Cat(Category, bool),
}

/// A zero-width assertion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// `^`: `multiline` when MULTILINE was in force.
    Caret { multiline: bool },
    /// `$`.
    Dollar { multiline: bool },
    /// `\A`.
    StartText,
    /// `\Z`: the end of the text only.
    EndText,
    /// `\b` (`true`) or `\B` (`false`), with `ascii` when ASCII was in force.
    Boundary { word: bool, ascii: bool },
}

/// The flags that matter to a leaf.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct LeafFlags {
    pub icase: bool,
    pub ascii: bool,
}

#[derive(Clone, Debug)]
pub enum Node {
    Empty,
    Literal(char, LeafFlags),
    /// `.`, with DOTALL.
    Any { dotall: bool },
    Class { negated: bool, items: Vec<ClassItem>, flags: LeafFlags },
    /// `\d` and friends outside a class.
    Cat(Category, bool, LeafFlags),
    Anchor(Anchor),
    /// A capturing group (numbered in the order of the `(`, from 1).
    Group(Box<Node>),
    /// `(?:…)`, `(?i:…)` (the flags are already in the leaves).
    NonCapturing(Box<Node>),
    Atomic(Box<Node>),
    /// A back-reference; `icase` and `ascii` as IGNORECASE and ASCII were in force.
    Backref { group: usize, icase: bool, ascii: bool },
    Look { behind: bool, negated: bool, node: Box<Node> },
    Repeat { node: Box<Node>, min: u32, max: Option<u32>, greedy: bool, possessive: bool },
    /// `(?(group)yes|no)`.
    Conditional { group: usize, yes: Box<Node>, no: Box<Node> },
    Concat(Vec<Node>),
    Alt(Vec<Node>),
}

/// A parsed pattern.
#[derive(Debug)]
pub struct Parsed {
    pub root: Node,
    /// The number of capturing groups.
    pub groups: usize,
    /// Group names and numbers, in the order of the groups.
    pub names: Vec<(String, usize)>,
    /// The flags in force for the whole pattern: the given ones, the global inline ones,
    /// and UNICODE unless ASCII (as Python's `Pattern.flags`).
    pub flags: u32,
    /// For each group, the position of its `)` in the pattern (to know which group
    /// closed last, for `lastGroup`).
    pub group_close: Vec<usize>,
}

/// A syntax error: the message and the position (in code points), as Python reports them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub pos: Option<usize>,
}

type PResult<T> = std::result::Result<T, SyntaxError>;

/// Python's largest repeat count (`MAXREPEAT`); a count at or above it is an error.
const MAX_REPEAT: u64 = 4_294_967_295;

/// The repeat operators' first characters.
const REPEAT_CHARS: &[char] = &['*', '+', '?', '{'];
/// VERBOSE whitespace (`sre_parse.WHITESPACE`).
const WHITESPACE: &[char] = &[' ', '\t', '\n', '\r', '\x0b', '\x0c'];

struct Parser {
    chars: Vec<char>,
    pos: usize,
    flags: u32,
    /// Groups opened so far (the next group's number is `groups + 1`).
    groups: usize,
    /// Groups opened and not yet closed.
    open: Vec<usize>,
    names: Vec<(String, usize)>,
    name_index: HashMap<String, usize>,
    /// The width of each closed group, for look-behinds and references in them.
    widths: Vec<(u64, u64)>,
    /// The group count when the innermost enclosing look-behind opened.
    lookbehind_groups: Option<usize>,
    group_close: Vec<usize>,
    /// Groups open now, of every kind (bounded, so that nesting cannot exhaust the stack).
    depth: usize,
}

/// The deepest nesting of groups accepted (the engine's own limit is a little above).
const MAX_DEPTH: usize = 24;

/// Parses `pattern` with the flags `flags` (already checked to be known flags).
pub fn parse(pattern: &str, flags: u32) -> PResult<Parsed> {
    let mut p = Parser {
        chars: pattern.chars().collect(),
        pos: 0,
        flags,
        groups: 0,
        open: Vec::new(),
        names: Vec::new(),
        name_index: HashMap::new(),
        widths: Vec::new(),
        lookbehind_groups: None,
        group_close: Vec::new(),
        depth: 0,
    };
    p.check_flag_combination(p.flags, None)?;
    let root = p.parse_alternation(true)?;
    if p.pos < p.chars.len() {
        // Only `)` stops the top level early.
        return Err(p.error_at("unbalanced parenthesis", p.pos));
    }
    let mut flags = p.flags;
    if flags & ASCII == 0 {
        flags |= UNICODE;
    }
    Ok(Parsed {
        root,
        groups: p.groups,
        names: p.names,
        flags,
        group_close: p.group_close,
    })
}

impl Parser {
    fn error_at(&self, message: impl Into<String>, pos: usize) -> SyntaxError {
        SyntaxError { message: message.into(), pos: Some(pos) }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn leaf_flags(&self) -> LeafFlags {
        LeafFlags { icase: self.flags & IGNORECASE != 0, ascii: self.flags & ASCII != 0 }
    }

    fn verbose(&self) -> bool {
        self.flags & VERBOSE != 0
    }

    fn check_flag_combination(&self, flags: u32, pos: Option<usize>) -> PResult<()> {
        if flags & ASCII != 0 && flags & UNICODE != 0 {
            let message = if pos.is_some() {
                "bad inline flags: flags 'a', 'u' and 'L' are incompatible"
            } else {
                "ASCII and UNICODE flags are incompatible"
            };
            return Err(SyntaxError { message: message.to_owned(), pos });
        }
        Ok(())
    }

    /// `branch (| branch)*`, up to `)` or the end.
    fn parse_alternation(&mut self, top: bool) -> PResult<Node> {
        let mut branches = vec![self.parse_sequence(top)?];
        while self.eat('|') {
            branches.push(self.parse_sequence(false)?);
        }
        Ok(if branches.len() == 1 { branches.pop().unwrap_or(Node::Empty) } else { Node::Alt(branches) })
    }

    /// Skips VERBOSE whitespace and comments.
    fn skip_verbose(&mut self) -> PResult<()> {
        while self.verbose() {
            match self.peek() {
                Some(c) if WHITESPACE.contains(&c) => self.pos += 1,
                Some('#') => {
                    // Python's tokenizer reads `\x` as one token even in a comment: an
                    // escaped line feed does not end the comment, and a backslash at the
                    // end of the pattern is an error.
                    while let Some(c) = self.peek() {
                        self.pos += 1;
                        if c == '\n' {
                            break;
                        }
                        if c == '\\' {
                            if self.peek().is_none() {
                                return Err(self.error_at("bad escape (end of pattern)", self.pos - 1));
                            }
                            self.pos += 1;
                        }
                    }
                }
                _ => break,
            }
        }
        Ok(())
    }

    /// The items of one branch.
    fn parse_sequence(&mut self, top: bool) -> PResult<Node> {
        let mut items: Vec<Node> = Vec::new();
        // Whether the last item can take a repeat: `None` for nothing or an anchor.
        let mut last_repeatable = false;
        let mut last_is_repeat = false;
        let first_pos = self.pos;
        loop {
            self.skip_verbose()?;
            let Some(c) = self.peek() else { break };
            if c == '|' || c == ')' {
                break;
            }
            let start = self.pos;
            if REPEAT_CHARS.contains(&c) {
                self.pos += 1;
                let Some((min, max)) = self.parse_repeat_bounds(c, start)? else {
                    // `{` that is not a repeat: a literal.
                    items.push(Node::Literal('{', self.leaf_flags()));
                    last_repeatable = true;
                    last_is_repeat = false;
                    continue;
                };
                if !last_repeatable || items.is_empty() {
                    return Err(self.error_at("nothing to repeat", start));
                }
                if last_is_repeat {
                    return Err(self.error_at("multiple repeat", start));
                }
                let (greedy, possessive) = if self.eat('?') {
                    (false, false)
                } else if self.eat('+') {
                    (true, true)
                } else {
                    (true, false)
                };
                let node = Box::new(items.pop().unwrap_or(Node::Empty));
                items.push(Node::Repeat { node, min, max, greedy, possessive });
                last_is_repeat = true;
                continue;
            }
            last_is_repeat = false;
            last_repeatable = true;
            self.pos += 1;
            let item = match c {
                '.' => Node::Any { dotall: self.flags & DOTALL != 0 },
                '^' => {
                    last_repeatable = false;
                    Node::Anchor(Anchor::Caret { multiline: self.flags & MULTILINE != 0 })
                }
                '$' => {
                    last_repeatable = false;
                    Node::Anchor(Anchor::Dollar { multiline: self.flags & MULTILINE != 0 })
                }
                '[' => self.parse_class(start)?,
                '\\' => {
                    let node = self.parse_escape(start)?;
                    if matches!(node, Node::Anchor(_)) {
                        last_repeatable = false;
                    }
                    node
                }
                '(' => {
                    let at_start = top && items.is_empty() && self.only_flags_before(first_pos, start);
                    match self.parse_group(start, at_start)? {
                        Some(node) => node,
                        None => {
                            // Global flags: no item.
                            last_repeatable = !items.is_empty();
                            continue;
                        }
                    }
                }
                c => Node::Literal(c, self.leaf_flags()),
            };
            items.push(item);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    /// Whether everything from `from` to `to` is global flag groups (and, in VERBOSE
    /// mode, whitespace): the condition for more global flags.
    fn only_flags_before(&self, from: usize, to: usize) -> bool {
        let mut i = from;
        while i < to {
            if self.chars[i] == '(' && self.chars.get(i + 1) == Some(&'?') {
                let mut j = i + 2;
                while j < to && self.chars[j].is_ascii_alphabetic() {
                    j += 1;
                }
                if j < to && self.chars[j] == ')' {
                    i = j + 1;
                    continue;
                }
                return false;
            }
            if self.verbose() && (WHITESPACE.contains(&self.chars[i]) || self.chars[i] == '#') {
                // Comments and whitespace carry no item.
                if self.chars[i] == '#' {
                    while i < to && self.chars[i] != '\n' {
                        i += 1;
                    }
                }
                i += 1;
                continue;
            }
            return false;
        }
        true
    }

    /// The bounds of the repeat that starts with `c` (already consumed); `None` for a
    /// `{` that is a literal (the position is then back after the `{`).
    fn parse_repeat_bounds(&mut self, c: char, start: usize) -> PResult<Option<(u32, Option<u32>)>> {
        match c {
            '*' => return Ok(Some((0, None))),
            '+' => return Ok(Some((1, None))),
            '?' => return Ok(Some((0, Some(1)))),
            _ => {}
        }
        let after_brace = self.pos;
        if self.peek() == Some('}') {
            return Ok(None);
        }
        let lo = self.digits();
        let hi = if self.eat(',') { self.digits() } else { lo.clone() };
        if !self.eat('}') {
            self.pos = after_brace;
            return Ok(None);
        }
        let number = |text: &str, parser: &Parser| -> PResult<u64> {
            let n: u64 = text.parse().unwrap_or(u64::MAX);
            if n >= MAX_REPEAT {
                return Err(parser.error_at("the repetition number is too large", start));
            }
            Ok(n)
        };
        let min = if lo.is_empty() { 0 } else { number(&lo, self)? };
        let max = if hi.is_empty() { None } else { Some(number(&hi, self)?) };
        if let Some(max) = max {
            if max < min {
                return Err(self.error_at("min repeat greater than max repeat", start + 1));
            }
        }
        // The engine's counts are u32; Python's are below 2^32 - 1 as checked.
        Ok(Some((min as u32, max.map(|m| m as u32))))
    }

    fn digits(&mut self) -> String {
        let mut out = String::new();
        while let Some(c) = self.peek().filter(char::is_ascii_digit) {
            out.push(c);
            self.pos += 1;
        }
        out
    }

    // ----- groups ------------------------------------------------------------------------

    /// After `(`. `None` for global flags (which make no item).
    fn parse_group(&mut self, start: usize, at_start: bool) -> PResult<Option<Node>> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error_at(
                format!("groups nested more than {MAX_DEPTH} deep are not supported"),
                start,
            ));
        }
        self.depth += 1;
        let node = self.parse_group_inner(start, at_start);
        self.depth -= 1;
        node
    }

    fn parse_group_inner(&mut self, start: usize, at_start: bool) -> PResult<Option<Node>> {
        if !self.eat('?') {
            return self.capturing_group(start, None).map(Some);
        }
        let Some(c) = self.peek() else {
            return Err(self.error_at("unexpected end of pattern", self.pos));
        };
        self.pos += 1;
        match c {
            'P' => {
                let Some(d) = self.peek() else {
                    return Err(self.error_at("unexpected end of pattern", self.pos));
                };
                if d == '<' {
                    self.pos += 1;
                    let name = self.group_name('>', "missing >, unterminated name")?;
                    if let Some(&prev) = self.name_index.get(&name) {
                        return Err(self.error_at(
                            format!(
                                "redefinition of group name {} as group {}; was group {prev}",
                                py_repr(&name),
                                self.groups + 1
                            ),
                            self.pos - name.chars().count() - 1,
                        ));
                    }
                    self.capturing_group(start, Some(name)).map(Some)
                } else if d == '=' {
                    self.pos += 1;
                    let name_pos = self.pos;
                    let name = self.group_name(')', "missing ), unterminated name")?;
                    let Some(&group) = self.name_index.get(&name) else {
                        return Err(self.error_at(
                            format!("unknown group name {}", py_repr(&name)),
                            name_pos,
                        ));
                    };
                    self.check_reference(group, name_pos)?;
                    Ok(Some(Node::Backref { group, icase: self.flags & IGNORECASE != 0, ascii: self.flags & ASCII != 0 }))
                } else {
                    Err(self.error_at(format!("unknown extension ?P{d}"), start + 1))
                }
            }
            ':' => {
                let inner = self.group_body(start)?;
                Ok(Some(Node::NonCapturing(Box::new(inner))))
            }
            '#' => {
                loop {
                    match self.peek() {
                        None => return Err(self.error_at("missing ), unterminated comment", start)),
                        Some(')') => {
                            self.pos += 1;
                            break;
                        }
                        Some(_) => self.pos += 1,
                    }
                }
                Ok(Some(Node::Empty))
            }
            '=' | '!' => {
                let inner = self.group_body(start)?;
                Ok(Some(Node::Look { behind: false, negated: c == '!', node: Box::new(inner) }))
            }
            '<' => {
                let Some(d) = self.peek() else {
                    return Err(self.error_at("unexpected end of pattern", self.pos));
                };
                if d != '=' && d != '!' {
                    return Err(self.error_at(format!("unknown extension ?<{d}"), start + 1));
                }
                self.pos += 1;
                let saved = self.lookbehind_groups;
                if saved.is_none() {
                    self.lookbehind_groups = Some(self.groups);
                }
                let inner = self.group_body(start);
                self.lookbehind_groups = saved;
                let inner = inner?;
                let (lo, hi) = self.width(&inner);
                if lo != hi {
                    return Err(SyntaxError {
                        message: "look-behind requires fixed-width pattern".to_owned(),
                        pos: None,
                    });
                }
                Ok(Some(Node::Look { behind: true, negated: d == '!', node: Box::new(inner) }))
            }
            '(' => self.conditional(start).map(Some),
            '>' => {
                let inner = self.group_body(start)?;
                Ok(Some(Node::Atomic(Box::new(inner))))
            }
            c if "aiLmsux-".contains(c) => {
                self.pos -= 1;
                self.inline_flags(start, at_start)
            }
            c => Err(self.error_at(format!("unknown extension ?{c}"), start + 1)),
        }
    }

    /// A group name up to `close`: an identifier, as `str.isidentifier`.
    fn group_name(&mut self, close: char, unterminated: &str) -> PResult<String> {
        let name_pos = self.pos;
        let mut name = String::new();
        loop {
            match self.peek() {
                None => return Err(self.error_at(unterminated, name_pos)),
                Some(c) if c == close => {
                    self.pos += 1;
                    break;
                }
                Some(c) => {
                    name.push(c);
                    self.pos += 1;
                }
            }
        }
        if name.is_empty() {
            return Err(self.error_at("missing group name", name_pos));
        }
        if !is_identifier(&name) {
            return Err(self.error_at(format!("bad character in group name {}", py_repr(&name)), name_pos));
        }
        Ok(name)
    }

    fn capturing_group(&mut self, start: usize, name: Option<String>) -> PResult<Node> {
        self.groups += 1;
        let group = self.groups;
        if let Some(name) = name {
            self.name_index.insert(name.clone(), group);
            self.names.push((name, group));
        }
        self.group_close.push(usize::MAX);
        self.widths.push((0, u64::MAX));
        self.open.push(group);
        let inner = self.group_body(start);
        self.open.pop();
        let inner = inner?;
        self.group_close[group - 1] = self.pos;
        self.widths[group - 1] = self.width(&inner);
        Ok(Node::Group(Box::new(inner)))
    }

    /// An alternation and its closing `)`; the flags are restored after it.
    fn group_body(&mut self, start: usize) -> PResult<Node> {
        let saved = self.flags;
        let inner = self.parse_alternation(false);
        self.flags = saved;
        let inner = inner?;
        if !self.eat(')') {
            return Err(self.error_at("missing ), unterminated subpattern", start));
        }
        Ok(inner)
    }

    /// `(?(1)yes|no)` or `(?(name)yes|no)`, after `(?(`.
    fn conditional(&mut self, start: usize) -> PResult<Node> {
        let name_pos = self.pos;
        let mut name = String::new();
        loop {
            match self.peek() {
                None => return Err(self.error_at("missing ), unterminated name", name_pos)),
                Some(')') => {
                    self.pos += 1;
                    break;
                }
                Some(c) => {
                    name.push(c);
                    self.pos += 1;
                }
            }
        }
        if name.is_empty() {
            return Err(self.error_at("missing group name", name_pos));
        }
        let group = if is_identifier(&name) {
            match self.name_index.get(&name) {
                Some(&g) => g,
                None => {
                    return Err(self.error_at(format!("unknown group name {}", py_repr(&name)), name_pos))
                }
            }
        } else {
            let n = if name.chars().all(|c| c.is_ascii_digit()) { name.parse::<usize>().ok() } else { None };
            match n {
                Some(0) => return Err(self.error_at("bad group number", name_pos)),
                Some(n) if n < MAX_REPEAT as usize => {
                    if n > self.groups {
                        return Err(self.error_at(format!("invalid group reference {n}"), name_pos));
                    }
                    n
                }
                _ => {
                    return Err(self.error_at(
                        format!("bad character in group name {}", py_repr(&name)),
                        name_pos,
                    ))
                }
            }
        };
        if let Some(lb) = self.lookbehind_groups {
            if group > lb {
                return Err(self.error_at(
                    "cannot refer to group defined in the same lookbehind subpattern",
                    name_pos,
                ));
            }
        }
        if self.open.contains(&group) {
            // CPython then reads the group's marks as left by earlier attempts, which
            // the engine cannot reproduce.
            return Err(self.error_at(
                format!("a conditional inside the group {group} it tests is not supported"),
                name_pos,
            ));
        }
        let saved = self.flags;
        let yes = self.parse_sequence(false);
        let (yes, no) = match yes {
            Ok(yes) => {
                if self.eat('|') {
                    let no = self.parse_sequence(false);
                    match no {
                        Ok(no) => {
                            if self.peek() == Some('|') {
                                self.flags = saved;
                                return Err(self.error_at(
                                    "conditional backref with more than two branches",
                                    self.pos,
                                ));
                            }
                            (yes, no)
                        }
                        Err(e) => {
                            self.flags = saved;
                            return Err(e);
                        }
                    }
                } else {
                    (yes, Node::Empty)
                }
            }
            Err(e) => {
                self.flags = saved;
                return Err(e);
            }
        };
        self.flags = saved;
        if !self.eat(')') {
            return Err(self.error_at("missing ), unterminated subpattern", start));
        }
        Ok(Node::Conditional { group, yes: Box::new(yes), no: Box::new(no) })
    }

    /// `(?aiLmsux)` (global, only at the start) or `(?aiLmsux-imsx:…)`, at the first flag.
    fn inline_flags(&mut self, start: usize, at_start: bool) -> PResult<Option<Node>> {
        let flag_of = |c: char| match c {
            'a' => Some(ASCII),
            'i' => Some(IGNORECASE),
            'L' => Some(LOCALE),
            'm' => Some(MULTILINE),
            's' => Some(DOTALL),
            'u' => Some(UNICODE),
            'x' => Some(VERBOSE),
            _ => None,
        };
        let mut add = 0u32;
        while let Some(f) = self.peek().and_then(flag_of) {
            self.pos += 1;
            if f == LOCALE {
                return Err(self.error_at("bad inline flags: cannot use 'L' flag with a str pattern", self.pos));
            }
            add |= f;
        }
        let mut del = 0u32;
        match self.peek() {
            Some(')') => {
                self.pos += 1;
                if !at_start {
                    return Err(self.error_at("global flags not at the start of the expression", start));
                }
                self.check_flag_combination(add | (self.flags & (ASCII | UNICODE)), Some(self.pos))?;
                let before = self.flags;
                self.flags |= add;
                if add & VERBOSE != 0 && before & VERBOSE == 0 {
                    // Python re-parses the whole pattern in VERBOSE mode; global flags are
                    // only allowed at the start, so going on from here is the same.
                }
                return Ok(None);
            }
            Some('-') => {
                self.pos += 1;
                loop {
                    match self.peek() {
                        Some(c) if flag_of(c).is_some() => {
                            self.pos += 1;
                            let f = flag_of(c).unwrap_or(0);
                            if f & (ASCII | UNICODE | LOCALE) != 0 {
                                return Err(self.error_at(
                                    "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                                    self.pos,
                                ));
                            }
                            del |= f;
                        }
                        Some(c) if c.is_alphabetic() => {
                            self.pos += 1;
                            return Err(self.error_at("unknown flag", self.pos - 1));
                        }
                        None => return Err(self.error_at("missing flag", self.pos)),
                        _ => break,
                    }
                }
                if del == 0 {
                    return Err(self.error_at("missing flag", self.pos));
                }
                if !self.eat(':') {
                    return Err(self.error_at("missing :", self.pos));
                }
            }
            Some(':') => {
                self.pos += 1;
            }
            Some(c) if c.is_alphabetic() => {
                return Err(self.error_at("unknown flag", self.pos));
            }
            Some(_) => return Err(self.error_at("missing -, : or )", self.pos)),
            None => return Err(self.error_at("missing -, : or )", self.pos)),
        }
        if add & del != 0 {
            return Err(self.error_at("bad inline flags: flag turned on and off", self.pos - 1));
        }
        if add & ASCII != 0 && add & UNICODE != 0 {
            return Err(self.error_at(
                "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                self.pos - 1,
            ));
        }
        let saved = self.flags;
        let mut scoped = (self.flags | add) & !del;
        if add & ASCII != 0 {
            scoped &= !UNICODE;
        }
        if add & UNICODE != 0 {
            scoped &= !ASCII;
        }
        self.flags = scoped;
        let inner = self.parse_alternation(false);
        self.flags = saved;
        let inner = inner?;
        if !self.eat(')') {
            return Err(self.error_at("missing ), unterminated subpattern", start));
        }
        Ok(Some(Node::NonCapturing(Box::new(inner))))
    }

    // ----- escapes -----------------------------------------------------------------------

    /// A reference to `group` from here: it must be closed, and not defined inside the
    /// enclosing look-behind.
    fn check_reference(&self, group: usize, pos: usize) -> PResult<()> {
        if self.open.contains(&group) {
            return Err(self.error_at("cannot refer to an open group", pos));
        }
        if let Some(lb) = self.lookbehind_groups {
            if group > lb {
                return Err(self.error_at(
                    "cannot refer to group defined in the same lookbehind subpattern",
                    pos,
                ));
            }
        }
        Ok(())
    }

    /// An escape outside a class, after the backslash (`start` is the backslash).
    fn parse_escape(&mut self, start: usize) -> PResult<Node> {
        let Some(c) = self.peek() else {
            return Err(self.error_at("bad escape (end of pattern)", start));
        };
        self.pos += 1;
        let lf = self.leaf_flags();
        let ascii = lf.ascii;
        Ok(match c {
            'A' => Node::Anchor(Anchor::StartText),
            'Z' => Node::Anchor(Anchor::EndText),
            'b' => Node::Anchor(Anchor::Boundary { word: true, ascii }),
            'B' => Node::Anchor(Anchor::Boundary { word: false, ascii }),
            'd' => Node::Cat(Category::Digit, false, lf),
            'D' => Node::Cat(Category::Digit, true, lf),
            's' => Node::Cat(Category::Space, false, lf),
            'S' => Node::Cat(Category::Space, true, lf),
            'w' => Node::Cat(Category::Word, false, lf),
            'W' => Node::Cat(Category::Word, true, lf),
            '0' => {
                let mut value = 0u32;
                for _ in 0..2 {
                    match self.peek().and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            value = value * 8 + d;
                            self.pos += 1;
                        }
                        None => break,
                    }
                }
                Node::Literal(char::from_u32(value).unwrap_or('\0'), lf)
            }
            '1'..='9' => {
                let mut text = String::from(c);
                if let Some(d) = self.peek().filter(char::is_ascii_digit) {
                    self.pos += 1;
                    text.push(d);
                    let third = self.peek().filter(|t| t.is_digit(8));
                    if c.is_digit(8) && d.is_digit(8) && third.is_some() {
                        self.pos += 1;
                        text.push(third.unwrap_or('0'));
                        let value = u32::from_str_radix(&text, 8).unwrap_or(0);
                        if value > 0o377 {
                            return Err(self.error_at(
                                format!("octal escape value \\{text} outside of range 0-0o377"),
                                start,
                            ));
                        }
                        return Ok(Node::Literal(char::from_u32(value).unwrap_or('\0'), lf));
                    }
                }
                let group: usize = text.parse().unwrap_or(usize::MAX);
                if group <= self.groups {
                    self.check_reference(group, start)?;
                    return Ok(Node::Backref { group, icase: lf.icase, ascii: lf.ascii });
                }
                return Err(self.error_at(format!("invalid group reference {group}"), start + 1));
            }
            c => Node::Literal(self.char_escape(c, start)?, lf),
        })
    }

    /// The character of a character escape (`\n`, `\x41`, `\.`), after `\c`; shared by
    /// both contexts (digits and categories are handled by the callers).
    fn char_escape(&mut self, c: char, start: usize) -> PResult<char> {
        Ok(match c {
            'a' => '\x07',
            'f' => '\x0c',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\x0b',
            '\\' => '\\',
            'x' => self.hex_escape(2, start, 'x')?,
            'u' => self.hex_escape(4, start, 'u')?,
            'U' => self.hex_escape(8, start, 'U')?,
            'N' => {
                return Err(self.error_at(
                    "named Unicode escapes (\\N{...}) are not supported; write the character or \\uXXXX",
                    start,
                ))
            }
            c if c.is_ascii_alphanumeric() => {
                return Err(self.error_at(format!("bad escape \\{c}"), start));
            }
            c => c,
        })
    }

    fn hex_escape(&mut self, n: usize, start: usize, letter: char) -> PResult<char> {
        let mut text = String::new();
        for _ in 0..n {
            match self.peek().filter(char::is_ascii_hexdigit) {
                Some(d) => {
                    text.push(d);
                    self.pos += 1;
                }
                None => break,
            }
        }
        if text.len() < n {
            return Err(self.error_at(format!("incomplete escape \\{letter}{text}"), start));
        }
        let value = u32::from_str_radix(&text, 16).unwrap_or(u32::MAX);
        match char::from_u32(value) {
            Some(ch) => Ok(ch),
            None if value <= 0x10FFFF => Err(self.error_at(
                format!("escape \\{letter}{text} is a surrogate, which ML strings cannot hold"),
                start,
            )),
            None => Err(self.error_at(format!("bad escape \\{letter}{text}"), start)),
        }
    }

    // ----- classes -----------------------------------------------------------------------

    /// A class, after `[` (`start` is the `[`).
    fn parse_class(&mut self, start: usize) -> PResult<Node> {
        let negated = self.eat('^');
        let first = self.pos;
        let mut items = Vec::new();
        loop {
            let Some(c) = self.peek() else {
                return Err(self.error_at("unterminated character set", start));
            };
            let item_start = self.pos;
            self.pos += 1;
            if c == ']' && item_start != first {
                break;
            }
            let lo = if c == '\\' { self.class_escape(item_start)? } else { ClassItem::Range(c, c) };
            if self.eat('-') {
                let Some(d) = self.peek() else {
                    return Err(self.error_at("unterminated character set", start));
                };
                self.pos += 1;
                if d == ']' {
                    items.push(lo);
                    items.push(ClassItem::Range('-', '-'));
                    break;
                }
                let hi = if d == '\\' { self.class_escape(self.pos - 1)? } else { ClassItem::Range(d, d) };
                match (lo, hi) {
                    (ClassItem::Range(a, _), ClassItem::Range(b, _)) => {
                        if a > b {
                            let shown: String = self.chars[item_start..self.pos].iter().collect();
                            return Err(self.error_at(format!("bad character range {shown}"), item_start));
                        }
                        items.push(ClassItem::Range(a, b));
                    }
                    _ => {
                        let shown: String = self.chars[item_start..self.pos].iter().collect();
                        return Err(self.error_at(format!("bad character range {shown}"), item_start));
                    }
                }
            } else {
                items.push(lo);
            }
        }
        Ok(Node::Class { negated, items, flags: self.leaf_flags() })
    }

    /// An escape in a class, after the backslash (`start` is the backslash).
    fn class_escape(&mut self, start: usize) -> PResult<ClassItem> {
        let Some(c) = self.peek() else {
            return Err(self.error_at("bad escape (end of pattern)", start));
        };
        self.pos += 1;
        let ch = match c {
            'd' => return Ok(ClassItem::Cat(Category::Digit, false)),
            'D' => return Ok(ClassItem::Cat(Category::Digit, true)),
            's' => return Ok(ClassItem::Cat(Category::Space, false)),
            'S' => return Ok(ClassItem::Cat(Category::Space, true)),
            'w' => return Ok(ClassItem::Cat(Category::Word, false)),
            'W' => return Ok(ClassItem::Cat(Category::Word, true)),
            'b' => '\x08',
            '0'..='7' => {
                let mut value = c.to_digit(8).unwrap_or(0);
                let mut text = String::from(c);
                for _ in 0..2 {
                    match self.peek().and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            value = value * 8 + d;
                            text.push(self.peek().unwrap_or('0'));
                            self.pos += 1;
                        }
                        None => break,
                    }
                }
                if value > 0o377 {
                    return Err(self.error_at(
                        format!("octal escape value \\{text} outside of range 0-0o377"),
                        start,
                    ));
                }
                char::from_u32(value).unwrap_or('\0')
            }
            '8' | '9' => return Err(self.error_at(format!("bad escape \\{c}"), start)),
            c => self.char_escape(c, start)?,
        };
        Ok(ClassItem::Range(ch, ch))
    }

    // ----- widths ------------------------------------------------------------------------

    /// The least and most code points `node` can match (`u64::MAX`: unbounded), as
    /// `sre_parse.getwidth`.
    fn width(&self, node: &Node) -> (u64, u64) {
        match node {
            Node::Empty | Node::Anchor(_) | Node::Look { .. } => (0, 0),
            Node::Literal(..) | Node::Any { .. } | Node::Class { .. } | Node::Cat(..) => (1, 1),
            Node::Group(inner) | Node::NonCapturing(inner) | Node::Atomic(inner) => self.width(inner),
            Node::Backref { group, .. } => self.widths.get(group - 1).copied().unwrap_or((0, u64::MAX)),
            Node::Repeat { node, min, max, .. } => {
                let (lo, hi) = self.width(node);
                let hi = match max {
                    Some(m) => hi.saturating_mul(u64::from(*m)),
                    None if hi == 0 => 0,
                    None => u64::MAX,
                };
                (lo.saturating_mul(u64::from(*min)), hi)
            }
            Node::Conditional { yes, no, .. } => {
                let (a, b) = self.width(yes);
                let (c, d) = self.width(no);
                (a.min(c), b.max(d))
            }
            Node::Concat(items) => items.iter().fold((0, 0), |(lo, hi), n| {
                let (a, b) = self.width(n);
                (lo.saturating_add(a), hi.saturating_add(b))
            }),
            Node::Alt(items) => {
                let mut lo = u64::MAX;
                let mut hi = 0;
                for n in items {
                    let (a, b) = self.width(n);
                    lo = lo.min(a);
                    hi = hi.max(b);
                }
                (lo, hi)
            }
        }
    }
}

/// Whether `name` is a Python identifier (`str.isidentifier`): a letter or `_`, then
/// letters, digits, marks or connector punctuation.
pub(super) fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else { return false };
    (first == '_' || first.is_alphabetic()) && chars.all(|c| c == '_' || c.is_alphanumeric() || is_id_continue_extra(c))
}

/// Characters that may continue an identifier beyond letters and digits: combining
/// marks and connector punctuation (the common ones).
fn is_id_continue_extra(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x203F | 0x2040 | 0x2054 | 0xFE33 | 0xFE34 | 0xFE4D..=0xFE4F | 0xFF3F)
}

/// Python's `repr` of a str, as its messages quote names: `'name'`.
fn py_repr(s: &str) -> String {
    if s.contains('\'') && !s.contains('"') {
        format!("\"{s}\"")
    } else {
        format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(p: &str) -> String {
        match parse(p, 0) {
            Ok(_) => "ok".to_owned(),
            Err(e) => match e.pos {
                Some(pos) => format!("{} at position {pos}", e.message),
                None => e.message,
            },
        }
    }

    #[test]
    fn errors_read_as_python_s() {
        assert_eq!(err("a**"), "multiple repeat at position 2");
        assert_eq!(err("*"), "nothing to repeat at position 0");
        assert_eq!(err("^*"), "nothing to repeat at position 1");
        assert_eq!(err("x{2,1}"), "min repeat greater than max repeat at position 2");
        assert_eq!(err("[a-\\d]"), "bad character range a-\\d at position 1");
        assert_eq!(err("(?-a:x)"), "bad inline flags: cannot turn off flags 'a', 'u' and 'L' at position 4");
        assert_eq!(err("a(?i)b"), "global flags not at the start of the expression at position 1");
        assert_eq!(err("\\8"), "invalid group reference 8 at position 1");
        assert_eq!(err("[\\8]"), "bad escape \\8 at position 1");
        assert_eq!(err("\\400"), "octal escape value \\400 outside of range 0-0o377 at position 0");
        assert_eq!(err("(?<=a|bc)"), "look-behind requires fixed-width pattern");
        assert_eq!(err("(a\\1)"), "cannot refer to an open group at position 2");
        assert_eq!(err("(?P<a>x)(?P<a>y)"), "redefinition of group name 'a' as group 2; was group 1 at position 12");
        assert_eq!(err("[]"), "unterminated character set at position 0");
        assert_eq!(err(")"), "unbalanced parenthesis at position 0");
        assert_eq!(err("(?i)(?m)a"), "ok");
        assert_eq!(err("a{,2}"), "ok");
        assert_eq!(err("a{"), "ok");
        assert_eq!(err("(?P<1a>x)"), "bad character in group name '1a' at position 4");
    }
}
