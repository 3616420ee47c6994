//! Compiled patterns: the Python pattern parsed once, and its engine forms compiled as the
//! searched texts need them; searching with Python's semantics; the compiled-pattern cache.
//!
//! * A search returns byte offsets; the callers turn them into code-point indexes with a
//!   [`CharIndex`], which converts incrementally (a scan over the text is linear overall).
//! * `match` is an anchored search, `fullmatch` an anchored search of `(?:P)\z` — the
//!   engine's leftmost-first order then gives the match Python's backtracking would find.
//! * Iteration (findall, finditer, split, sub, count) follows CPython 3.7+: after an empty
//!   match at `p` the next match may start at `p` only if it is not empty (found by an
//!   anchored search that refuses empty matches), else it is searched from the next
//!   character on; an empty match right after a non-empty one is allowed.
//! * `pos`/`endpos`: the text is cut at `endpos` (so `$` and look-aheads end there) and the
//!   search starts at `pos` (so `\A` and `^` do not match at `pos`, and look-behinds and
//!   `\b` see the text before it), as Python does.
//! * Patterns with back-references or look-around run on the engine's backtracking VM
//!   under a step budget ([`BACKTRACK_LIMIT`], or [`STEPS_PER_CHAR`] per byte of a
//!   long text, since one search counts the steps of every start position it tries);
//!   exceeding it is a `RuntimeError` that names the pattern. Everything else runs on the `regex` crate's linear-time engines.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use fancy_regex::{Regex, RegexBuilder, RegexInput};

use super::emit::{emit, group_loops, unsupported, Needs, TextShape};
use super::parse::{parse, Node, Parsed, SyntaxError, KNOWN_FLAGS};
use crate::error::{runtime_error, value_error, Result, RuntimeError};

/// Backtracking steps one search may take before it is stopped.
pub const BACKTRACK_LIMIT: usize = 1_000_000;

/// Steps one search may take per byte of the text it scans, when that gives more
/// than [`BACKTRACK_LIMIT`]: a search counts the steps of every start position it
/// tries, so `\b(\w+)\s+\1\b` over a 1 MB text takes two or three million steps without
/// being catastrophic. The budget is rounded up to a power of two (one compiled form
/// per size).
const STEPS_PER_CHAR: usize = 8;
/// Compiled patterns kept by the cache (Python's `re` keeps 512).
const CACHE_SIZE: usize = 256;

/// The engine's limit on the size of a compiled automaton (its default).
const NFA_SIZE_LIMIT: usize = 10 << 20;

/// What the engine's linear search may allocate for its capture table: a slot for each
/// end of each group, per automaton state, twice (about `16 × states × slots` bytes,
/// allocated outside the program's memory limit). The automaton's states are bounded
/// through its size limit (each counts at least 24 bytes), so the table stays under
/// two thirds of this budget (ordinary patterns use far less: 20 `(\w+)` groups take
/// about 4 MB); `"(a)" * 20000` is refused instead of asking for 19 GB.
const SLOT_TABLE_BUDGET: usize = 96 << 20;

/// What a search must find.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The first match at or after the start.
    Search,
    /// A match starting at the start.
    Match,
    /// A match from the start to the end of the text.
    Full,
    /// A non-empty match starting at the start (iteration after an empty match).
    NotEmpty,
}

/// The spans (byte offsets) of the groups of one match; `[0]` is the whole match.
pub type Slots = Vec<Option<(usize, usize)>>;

/// An engine form: the text shape and mode it serves, and the compiled engine regex
/// (`None`: a NotEmpty form of a pattern that only matches the empty string).
type Form = ((TextShape, Mode, usize), Option<Rc<Regex>>);

/// Cached patterns of one pattern string: (flags, pattern, last use).
type CacheEntries = Vec<(u32, Rc<Pattern>, u64)>;

/// A compiled Python pattern.
pub struct Pattern {
    /// The pattern as written.
    pub source: Rc<str>,
    /// Python's `Pattern.flags`: the given flags, the global inline ones, UNICODE.
    pub flags: u32,
    pub groups: usize,
    /// Group names and numbers.
    pub names: Vec<(String, usize)>,
    group_close: Vec<usize>,
    /// The repeats and the groups enclosing each group (`emit::group_loops`).
    group_loops: Vec<(Vec<usize>, Vec<usize>)>,
    root: Node,
    needs: Needs,
    /// Engine forms compiled so far.
    forms: RefCell<Vec<Form>>,
}

/// The message of an invalid pattern, as a ValueError.
fn invalid(pattern: &str, e: &SyntaxError) -> RuntimeError {
    let at = match e.pos {
        Some(pos) => format!(" at position {pos}"),
        None => String::new(),
    };
    value_error(format!("invalid regular expression {}: {}{at}", quoted(pattern), e.message))
}

/// A pattern quoted for messages (shortened when long).
pub fn quoted(pattern: &str) -> String {
    let short: String = pattern.chars().take(60).collect();
    let tail = if short.len() < pattern.len() { "…" } else { "" };
    format!("{}{tail}", crate::display::repr(&crate::value::Value::str(&short)))
}

impl Pattern {
    /// Parses and compiles `source` with `flags`; an invalid pattern or flag is a
    /// ValueError.
    pub fn new(source: &str, flags: u32) -> Result<Pattern> {
        if flags & !KNOWN_FLAGS != 0 {
            return Err(value_error(format!(
                "unknown regex flag bits {} in {flags}: combine IGNORECASE(), MULTILINE(), DOTALL(), UNICODE(), VERBOSE() and ASCII() with +",
                flags & !KNOWN_FLAGS
            )));
        }
        let Parsed { root, groups, names, flags, group_close, .. } =
            parse(source, flags).map_err(|e| invalid(source, &e))?;
        if let Some(why) = unsupported(&root) {
            return Err(value_error(format!("invalid regular expression {}: {why}", quoted(source))));
        }
        let needs = Needs::of(&root);
        let pattern = Pattern {
            source: Rc::from(source),
            flags,
            groups,
            names,
            group_close,
            group_loops: group_loops(&root),
            root,
            needs,
            forms: RefCell::new(Vec::new()),
        };
        // Every form a search may need is checked now, so that a pattern the engine
        // refuses is refused at compile time, whatever text it meets later.
        for ends_with_newline in [false, needs.final_newline] {
            for non_ascii in [false, needs.boundary] {
                let shape = TextShape { ends_with_newline, non_ascii, empty: false };
                pattern.form(shape, Mode::Search, BACKTRACK_LIMIT)?;
            }
        }
        Ok(pattern)
    }

    /// Refuses a text on which this pattern would not match as in Python (a
    /// case-insensitive back-reference meeting a character the engine folds
    /// differently): a ValueError, never a different result.
    pub fn check_text(&self, hay: &str, ascii: bool) -> Result<()> {
        match self.needs.backref_trap(hay, ascii) {
            None => Ok(()),
            Some(c) => Err(value_error(format!(
                "regex {}: a case-insensitive back-reference cannot be matched as Python does on a text containing {:?} (U+{:04X}); match case-sensitively or normalise the text",
                quoted(&self.source),
                c,
                c as u32
            ))),
        }
    }

    /// The group number of `name`.
    pub fn group_index(&self, name: &str) -> Option<usize> {
        self.names.iter().find(|(n, _)| n == name).map(|&(_, g)| g)
    }

    /// The name of group `g`, if it has one.
    pub fn group_name(&self, g: usize) -> Option<&str> {
        self.names.iter().find(|&&(_, i)| i == g).map(|(n, _)| n.as_str())
    }

    /// The engine form for texts of `shape` searched in `mode` (`None`: no match can
    /// exist, a NotEmpty form of a pattern that only matches the empty string).
    fn form(&self, shape: TextShape, mode: Mode, budget: usize) -> Result<Option<Rc<Regex>>> {
        let key = (shape, if mode == Mode::Match { Mode::Search } else { mode }, budget);
        if let Some((_, re)) = self.forms.borrow().iter().find(|(k, _)| *k == key) {
            return Ok(re.clone());
        }
        let mut text = emit(&self.root, shape);
        if key.1 == Mode::Full {
            text = format!("(?:{text})\\z");
        }
        let mut builder = RegexBuilder::new(&text);
        builder.backtrack_limit(budget);
        let slots = 2 * (self.groups + 1);
        builder.delegate_size_limit((SLOT_TABLE_BUDGET / slots).min(NFA_SIZE_LIMIT));
        // The engine's tree rewrites change what some patterns match (its nested-repeat
        // simplification makes `(.{2,}?)*` stop after one repetition); the tree is
        // compiled as written.
        builder.optimize(false);
        if key.1 == Mode::NotEmpty {
            builder.find_not_empty(true);
        }
        // The engine is not expected to panic; if it does, the pattern is refused
        // rather than the run ended.
        let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| builder.build()))
            .map_err(|_| value_error(format!("invalid regular expression {}: the regex engine failed on it", quoted(&self.source))))?;
        let re = match built {
            Ok(re) => Some(Rc::new(re)),
            Err(fancy_regex::Error::CompileError(e))
                if key.1 == Mode::NotEmpty
                    && matches!(*e, fancy_regex::CompileError::PatternCanNeverMatch) =>
            {
                None
            }
            Err(e) if e.to_string().contains("building NFA") => {
                return Err(value_error(format!(
                    "invalid regular expression {}: too large for the regex engine{}; use fewer groups (`(?:…)` does not capture) or smaller counted repeats",
                    quoted(&self.source),
                    if self.groups > 0 { format!(" with {} group(s)", self.groups) } else { String::new() }
                )))
            }
            Err(e) => {
                return Err(value_error(format!(
                    "invalid regular expression {}: not supported by the regex engine ({e})",
                    quoted(&self.source)
                )))
            }
        };
        self.forms.borrow_mut().push((key, re.clone()));
        Ok(re)
    }

    /// The first match in `hay` (a text cut at `endpos`) from byte `start` in `mode`.
    /// `ascii` tells whether `hay` is ASCII (known without a scan for ML strings).
    pub fn find(&self, hay: &str, ascii: bool, start: usize, mode: Mode) -> Result<Option<Slots>> {
        if start > hay.len() {
            return Ok(None);
        }
        let shape = TextShape {
            ends_with_newline: self.needs.final_newline && hay.ends_with('\n'),
            non_ascii: self.needs.boundary && !ascii,
            empty: self.needs.not_boundary && hay.is_empty(),
        };
        // A long text gets a budget in proportion to its length, tried only once the
        // ordinary budget is spent (a catastrophic pattern on a short text stops early).
        let long_budget = (hay.len() - start).saturating_mul(STEPS_PER_CHAR).checked_next_power_of_two();
        let mut budget = BACKTRACK_LIMIT;
        let caps = loop {
            let Some(re) = self.form(shape, mode, budget)? else { return Ok(None) };
            let input = RegexInput::new(hay).from_pos(start).anchored(mode != Mode::Search);
            let caps = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| re.captures_input(input)))
                .map_err(|_| runtime_error(format!("regex {}: the regex engine failed on this text", quoted(&self.source))))?;
            match caps {
                Ok(caps) => break caps,
                Err(fancy_regex::Error::RuntimeError(_)) => match long_budget {
                    Some(long) if long > budget => budget = long,
                    _ => return Err(self.budget_error(budget)),
                },
                Err(e) => return Err(runtime_error(format!("regex {}: {e}", quoted(&self.source)))),
            }
        };
        Ok(caps.map(|c| (0..=self.groups).map(|i| c.get(i).map(|m| (m.start(), m.end()))).collect()))
    }

    #[cold]
    fn budget_error(&self, budget: usize) -> RuntimeError {
        runtime_error(format!(
            "regex {} needs more than {budget} backtracking steps on this text and was stopped; simplify it: avoid nested or overlapping repeats (such as `(a+)+` or `(a|a)*`) around back-references and look-arounds, or anchor it",
            quoted(&self.source)
        ))
    }

    /// The number of the group that closed last in a match (Python's `lastindex`).
    /// Groups close in the order of their `)` in the pattern (so an enclosing group
    /// after those inside it), except two groups side by side in one repeat, where the
    /// one that ends later closed later (a later iteration).
    pub fn last_index(&self, slots: &Slots) -> Option<usize> {
        let closes_after = |g: usize, b: usize| {
            let (g_loops, g_outer) = &self.group_loops[g - 1];
            let (b_loops, b_outer) = &self.group_loops[b - 1];
            if g_outer.contains(&b) || b_outer.contains(&g) {
                return self.group_close[g - 1] > self.group_close[b - 1];
            }
            let shared = g_loops.iter().any(|l| b_loops.contains(l));
            let (ge, be) = (slots[g].map_or(0, |s| s.1), slots[b].map_or(0, |s| s.1));
            if shared && ge != be {
                ge > be
            } else {
                self.group_close[g - 1] > self.group_close[b - 1]
            }
        };
        let mut best: Option<usize> = None;
        for g in (1..=self.groups).filter(|&g| slots[g].is_some()) {
            best = match best {
                Some(b) if !closes_after(g, b) => Some(b),
                _ => Some(g),
            };
        }
        best
    }
}

/// Successive matches of a pattern over a text, as CPython finds them (see the module
/// documentation).
pub struct Matches<'a> {
    pattern: &'a Pattern,
    hay: &'a str,
    ascii: bool,
    pos: usize,
    must_advance: bool,
    /// Matches found so far.
    found: u32,
}

/// Matches between two reads of the clock while iterating.
const DEADLINE_EVERY: u32 = 16;

impl<'a> Matches<'a> {
    pub fn new(pattern: &'a Pattern, hay: &'a str, ascii: bool, pos: usize) -> Matches<'a> {
        Matches { pattern, hay, ascii, pos, must_advance: false, found: 0 }
    }

    /// The next match, or `None` at the end.
    pub fn next_match(&mut self) -> Result<Option<Slots>> {
        // One search can take long (a look-around over the rest of the text), so the
        // time limit is checked every few matches rather than every few thousand.
        if self.found == 0 {
            self.pattern.check_text(self.hay, self.ascii)?;
        }
        self.found = self.found.wrapping_add(1);
        if self.found.is_multiple_of(DEADLINE_EVERY) {
            crate::heap::check_deadline()?;
        }
        if self.pos > self.hay.len() {
            return Ok(None);
        }
        let mut found = None;
        let mut from = self.pos;
        if self.must_advance {
            found = self.pattern.find(self.hay, self.ascii, from, Mode::NotEmpty)?;
            if found.is_none() {
                match self.hay[from..].chars().next() {
                    Some(c) => from += c.len_utf8(),
                    None => return Ok(None),
                }
            }
        }
        if found.is_none() {
            found = self.pattern.find(self.hay, self.ascii, from, Mode::Search)?;
        }
        let Some(slots) = found else {
            self.pos = self.hay.len() + 1;
            return Ok(None);
        };
        let (s, e) = slots[0].unwrap_or((from, from));
        self.must_advance = s == e;
        self.pos = e;
        Ok(Some(slots))
    }
}

/// Byte offsets to code-point indexes over one text, counting forward from the last
/// offset asked (offsets asked in increasing order cost one pass over the text).
pub struct CharIndex<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    chars: usize,
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str, ascii: bool) -> CharIndex<'a> {
        CharIndex { text, ascii, byte: 0, chars: 0 }
    }

    /// The code-point index of byte offset `b` (a character boundary).
    pub fn at(&mut self, b: usize) -> usize {
        if self.ascii {
            return b;
        }
        if b < self.byte {
            // Backwards (a group that starts before the previous match's end): count
            // back from the last position, which is close.
            let back = self.text[b..self.byte].chars().count();
            return self.chars - back;
        }
        self.chars += self.text[self.byte..b].chars().count();
        self.byte = b;
        self.chars
    }
}

/// The byte offset of code-point index `i` in `text` (clamped to its length).
pub fn byte_of(text: &str, ascii: bool, i: usize) -> usize {
    if ascii {
        return i.min(text.len());
    }
    text.char_indices().nth(i).map_or(text.len(), |(b, _)| b)
}

thread_local! {
    /// The compiled-pattern cache: pattern → (flags, compiled, last use); and a clock.
    static CACHE: RefCell<(u64, usize, HashMap<Rc<str>, CacheEntries>)> =
        RefCell::new((0, 0, HashMap::new()));
}

/// The compiled form of `source` with `flags`, from the cache when it was compiled
/// recently (so `regex.search(p, t)` in a loop compiles `p` once). The least recently
/// used pattern makes room for a new one.
pub fn compiled(source: &str, flags: u32) -> Result<Rc<Pattern>> {
    let hit = CACHE.with(|c| {
        let mut c = c.borrow_mut();
        c.0 += 1;
        let now = c.0;
        let entries = c.2.get_mut(source)?;
        let entry = entries.iter_mut().find(|e| e.0 == flags)?;
        entry.2 = now;
        Some(entry.1.clone())
    });
    if let Some(p) = hit {
        return Ok(p);
    }
    let pattern = Rc::new(Pattern::new(source, flags)?);
    CACHE.with(|c| {
        let (clock, count, map) = &mut *c.borrow_mut();
        if *count >= CACHE_SIZE {
            let oldest = map
                .iter()
                .flat_map(|(k, v)| v.iter().map(move |e| (k.clone(), e.0, e.2)))
                .min_by_key(|e| e.2);
            if let Some((k, f, _)) = oldest {
                if let Some(v) = map.get_mut(&k) {
                    v.retain(|e| e.0 != f);
                    if v.is_empty() {
                        map.remove(&k);
                    }
                }
                *count -= 1;
            }
        }
        map.entry(pattern.source.clone()).or_default().push((flags, pattern.clone(), *clock));
        *count += 1;
    });
    Ok(pattern)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(p: &str, text: &str) -> Vec<(usize, usize)> {
        let pattern = Pattern::new(p, 0).expect(p);
        let mut matches = Matches::new(&pattern, text, text.is_ascii(), 0);
        let mut out = Vec::new();
        while let Some(slots) = matches.next_match().expect("no error") {
            out.push(slots[0].expect("group 0"));
        }
        out
    }

    #[test]
    fn iteration_follows_cpython_empty_match_rule() {
        assert_eq!(spans("x*", "abxd"), [(0, 0), (1, 1), (2, 3), (3, 3), (4, 4)]);
        assert_eq!(spans("|a", "a"), [(0, 0), (0, 1), (1, 1)]);
        assert_eq!(spans("é*", "aé"), [(0, 0), (1, 3), (3, 3)]);
    }

    #[test]
    fn char_index_counts_forward_and_back() {
        let text = "aé😀b€c";
        let mut index = CharIndex::new(text, false);
        let naive = |b: usize| text[..b].chars().count();
        for b in [0, 1, 3, 7, 8, 11, 12] {
            assert_eq!(index.at(b), naive(b), "byte {b}");
        }
        assert_eq!(index.at(3), 2, "backwards from the last offset");
        assert_eq!(byte_of(text, false, 3), 7);
        assert_eq!(byte_of(text, false, 99), text.len());
    }

    #[test]
    fn the_cache_returns_the_compiled_pattern() {
        let a = compiled("(a+)b", 2).expect("valid");
        let b = compiled("(a+)b", 2).expect("valid");
        let c = compiled("(a+)b", 0).expect("valid");
        assert!(Rc::ptr_eq(&a, &b));
        assert!(!Rc::ptr_eq(&a, &c));
        for i in 0..CACHE_SIZE + 10 {
            compiled(&format!("x{i}"), 0).expect("valid");
        }
        CACHE.with(|c| assert!(c.borrow().1 <= CACHE_SIZE));
    }

    #[test]
    fn backtracking_stops_at_the_budget() {
        let pattern = Pattern::new("(a|a)*\\1b", 0).expect("valid");
        let text = "a".repeat(40);
        let err = pattern.find(&text, true, 0, Mode::Search).expect_err("budget");
        assert!(err.message().contains("backtracking"), "{}", err.message());
    }
}
