//! The `Pattern` and `Match` library objects (spec §12.7) and the operations the module
//! functions share with `Pattern`'s methods (search, findall, split, sub, count).
//!
//! Python-compatibility decisions:
//! * `pos`/`endpos` are clamped to `[0, len(text)]` as Python's `re` does (a negative
//!   `pos` is 0, not counted from the end); `pos > endpos` finds nothing.
//! * `findall` gives `""` for a group that did not take part, `split` gives `null`.
//! * `lastGroup()` is Python's `lastgroup`: the name of the group that closed last, or
//!   `null` when that group has no name.
//! * `getFlags()` is Python's `Pattern.flags`: the given flags, the global inline flags,
//!   and UNICODE (32) unless ASCII is set.
//! * A negative `count` or `maxsplit` is a ValueError (Python silently does nothing).

use std::fmt::Write as _;
use std::rc::Rc;

use super::engine::{byte_of, compiled, CharIndex, Matches, Mode, Pattern, Slots};
use super::parse::{DOTALL, IGNORECASE, MULTILINE, VERBOSE};
use super::template;
use crate::dict::Dict;
use crate::error::{index_error, type_error, value_error, Result};
use crate::natives::{opt, req, Kinds, NativeDecl, Param};
use crate::value::{LibraryClass, LibraryObject, LibraryProperty, Str, Value};
use crate::vm::Vm;

/// The data of a `Pattern` object.
pub struct PatternData(pub Rc<Pattern>);

/// The data of a `Match` object: the text searched, the pattern, and the spans of its
/// groups in bytes and in code points.
pub struct MatchData {
    pattern: Rc<Pattern>,
    text: Rc<Str>,
    slots: Slots,
    spans: Vec<Option<(usize, usize)>>,
}

const TEXT: Param = req("text", Kinds::STR);
const POS: Param = opt("pos", Kinds::INT, "0");
const ENDPOS: Param = opt("endpos", Kinds::INT.or(Kinds::NULL), "len(text)");
const GROUP: Param = opt("g", Kinds::INT.or(Kinds::STR), "0");

pub static PATTERN: LibraryClass = LibraryClass {
    name: "Pattern",
    doc: "a compiled regular expression (regex.compile)",
    methods: &[
        NativeDecl::method("search", &[TEXT, POS, ENDPOS], "the first match in text[pos:endpos], or null", p_search),
        NativeDecl::method("match", &[TEXT, POS, ENDPOS], "a match starting at pos, or null", p_match),
        NativeDecl::method("fullmatch", &[TEXT, POS, ENDPOS], "a match of all of text[pos:endpos], or null", p_fullmatch),
        NativeDecl::method("findall", &[TEXT, POS, ENDPOS], "all matches' strings (or groups' strings)", p_findall),
        NativeDecl::method("finditer", &[TEXT, POS, ENDPOS], "array of all Match objects", p_finditer),
        NativeDecl::method(
            "split",
            &[TEXT, opt("maxsplit", Kinds::INT, "0")],
            "the pieces of text between matches, with the groups' strings",
            p_split,
        ),
        NativeDecl::method(
            "sub",
            &[req("repl", Kinds::STR), TEXT, opt("count", Kinds::INT, "0")],
            "text with matches replaced by repl (\\1, \\g<name> insert groups)",
            p_sub,
        ),
        NativeDecl::method(
            "subn",
            &[req("repl", Kinds::STR), TEXT, opt("count", Kinds::INT, "0")],
            "{\"result\": newText, \"count\": replacements}",
            p_subn,
        ),
        NativeDecl::method("test", &[TEXT], "whether search finds a match", p_test),
        NativeDecl::method("count", &[TEXT], "the number of non-overlapping matches", p_count),
        NativeDecl::method("getPattern", &[], "the pattern string", p_get_pattern),
        NativeDecl::method("getFlags", &[], "the flags (with inline flags and UNICODE, as Python's)", p_get_flags),
        NativeDecl::method("toString", &[], "Pattern(\"…\", flags=…)", p_to_string),
    ],
    properties: &[LibraryProperty { name: "pattern", doc: "the pattern string", get: pattern_property }],
};

pub static MATCH: LibraryClass = LibraryClass {
    name: "Match",
    doc: "one match of a regular expression",
    methods: &[
        NativeDecl::method("group", &[GROUP], "the text of group g (number or name), or null", m_group),
        NativeDecl::method("groups", &[], "array of every group's text (null if it did not take part)", m_groups),
        NativeDecl::method(
            "groupDict",
            &[opt("default", Kinds::ANY, "null")],
            "object of the named groups' texts",
            m_group_dict,
        ),
        NativeDecl::method("start", &[GROUP], "where group g starts (code points), or null", m_start),
        NativeDecl::method("end", &[GROUP], "where group g ends (code points), or null", m_end),
        NativeDecl::method("span", &[GROUP], "[start, end] of group g, or null", m_span),
        NativeDecl::method("value", &[], "the whole match", m_value),
        NativeDecl::method("lastGroup", &[], "the name of the group that closed last, or null", m_last_group),
        NativeDecl::method("groupCount", &[], "the number of groups of the pattern", m_group_count),
        NativeDecl::method(
            "expand",
            &[req("template", Kinds::STR)],
            "template with \\1, \\g<name> replaced by groups",
            m_expand,
        ),
        NativeDecl::method("toString", &[], "Match(value=\"…\", span=[s, e])", m_to_string),
    ],
    properties: &[],
};

// ----- shared operations ------------------------------------------------------------------

/// A text to search: the ML string, and the part `[pos, endpos)` (in bytes) searched.
pub struct Target<'a> {
    pub text: &'a Rc<Str>,
    /// The text cut at `endpos`.
    pub hay: &'a str,
    pub start: usize,
}

impl<'a> Target<'a> {
    /// The whole text.
    pub fn whole(text: &'a Rc<Str>) -> Target<'a> {
        Target { text, hay: text.as_str(), start: 0 }
    }

    /// `text[pos:endpos]` with Python's clamping; `None` when `pos > endpos`.
    pub fn window(text: &'a Rc<Str>, pos: Option<&Value>, endpos: Option<&Value>) -> Option<Target<'a>> {
        let len = text.char_len() as i64;
        let clamp = |v: Option<&Value>, default: i64| match v {
            Some(Value::Int(i)) => (*i).clamp(0, len),
            Some(Value::BigInt(b)) => crate::ops::bigint_to_i64_clamped(b).clamp(0, len),
            _ => default,
        };
        let pos = clamp(pos, 0) as usize;
        let endpos = clamp(endpos, len) as usize;
        if pos > endpos {
            return None;
        }
        let s = text.as_str();
        let ascii = text.is_ascii();
        let end_byte = byte_of(s, ascii, endpos);
        let start = if pos == 0 { 0 } else { byte_of(s, ascii, pos) };
        Some(Target { text, hay: &s[..end_byte], start })
    }

    fn ascii(&self) -> bool {
        self.text.is_ascii()
    }
}

/// A `Match` object for `slots` in `target`, converting with `index`.
fn match_object(pattern: &Rc<Pattern>, text: &Rc<Str>, slots: Slots, index: &mut CharIndex) -> Value {
    // Convert the offsets in increasing order, so the index only moves forward.
    let mut offsets: Vec<usize> = slots.iter().flatten().flat_map(|&(s, e)| [s, e]).collect();
    offsets.sort_unstable();
    offsets.dedup();
    let cps: Vec<usize> = offsets.iter().map(|&b| index.at(b)).collect();
    let cp = |b: usize| cps[offsets.binary_search(&b).unwrap_or(0)];
    let spans = slots.iter().map(|s| s.map(|(a, b)| (cp(a), cp(b)))).collect();
    let bytes = slots.len() * 32;
    Value::Library(LibraryObject::new(
        &MATCH,
        MatchData { pattern: pattern.clone(), text: text.clone(), slots, spans },
        bytes,
    ))
}

/// `search`, `match` or `fullmatch` of `pattern` in `target`.
pub fn find_one(pattern: &Rc<Pattern>, target: &Target, mode: Mode) -> Result<Value> {
    pattern.check_text(target.hay, target.ascii())?;
    let found = pattern.find(target.hay, target.ascii(), target.start, mode)?;
    Ok(match found {
        Some(slots) => {
            let mut index = CharIndex::new(target.text.as_str(), target.ascii());
            match_object(pattern, target.text, slots, &mut index)
        }
        None => Value::Null,
    })
}

/// The text of a span, or `""`.
fn span_text(text: &str, span: Option<(usize, usize)>) -> &str {
    span.map_or("", |(s, e)| &text[s..e])
}

/// Reserves `bytes` for a result being built by `func`.
fn reserve(bytes: usize, func: &str) -> Result<()> {
    crate::heap::reserve_for(bytes as u64, func)
}

pub fn findall(pattern: &Rc<Pattern>, target: &Target) -> Result<Value> {
    let mut items = Vec::new();
    let mut matches = Matches::new(pattern, target.hay, target.ascii(), target.start);
    let text = target.hay;
    while let Some(slots) = matches.next_match()? {
        let item = match pattern.groups {
            0 => Value::str(span_text(text, slots[0])),
            1 => Value::str(span_text(text, slots[1])),
            n => Value::array((1..=n).map(|g| Value::str(span_text(text, slots[g]))).collect()),
        };
        reserve(64 + slots[0].map_or(0, |(s, e)| e - s), "`regex.findall`")?;
        items.push(item);
    }
    Ok(Value::array(items))
}

pub fn finditer(pattern: &Rc<Pattern>, target: &Target) -> Result<Value> {
    let mut items = Vec::new();
    let mut matches = Matches::new(pattern, target.hay, target.ascii(), target.start);
    let mut index = CharIndex::new(target.text.as_str(), target.ascii());
    while let Some(slots) = matches.next_match()? {
        reserve(128 + 48 * slots.len(), "`regex.finditer`")?;
        items.push(match_object(pattern, target.text, slots, &mut index));
    }
    Ok(Value::array(items))
}

pub fn count(pattern: &Rc<Pattern>, target: &Target) -> Result<Value> {
    let mut n = 0i64;
    let mut matches = Matches::new(pattern, target.hay, target.ascii(), target.start);
    while matches.next_match()?.is_some() {
        n += 1;
    }
    Ok(Value::Int(n))
}

/// A non-negative count argument (`count`, `maxsplit`).
fn limit_arg(func: &str, what: &str, v: Option<&Value>) -> Result<usize> {
    let n = match v {
        Some(Value::Int(i)) => *i,
        Some(Value::BigInt(b)) => crate::ops::bigint_to_i64_clamped(b),
        _ => 0,
    };
    usize::try_from(n).map_err(|_| value_error(format!("`{func}`: {what} must be 0 (no limit) or positive, got {n}")))
}

pub fn split(pattern: &Rc<Pattern>, text: &Rc<Str>, maxsplit: Option<&Value>, func: &str) -> Result<Value> {
    let maxsplit = limit_arg(func, "maxsplit", maxsplit)?;
    let hay = text.as_str();
    let mut items = Vec::new();
    let mut matches = Matches::new(pattern, hay, text.is_ascii(), 0);
    let mut last = 0;
    let mut n = 0;
    while maxsplit == 0 || n < maxsplit {
        let Some(slots) = matches.next_match()? else { break };
        let (s, e) = slots[0].unwrap_or((last, last));
        reserve(64 + s.saturating_sub(last) + 32 * slots.len(), func)?;
        items.push(Value::str(&hay[last..s]));
        for group in &slots[1..] {
            items.push(group.map_or(Value::Null, |(a, b)| Value::str(&hay[a..b])));
        }
        last = e;
        n += 1;
    }
    items.push(Value::str(&hay[last..]));
    Ok(Value::array(items))
}

/// `sub`/`subn`: the new text and the number of replacements.
pub fn sub(
    pattern: &Rc<Pattern>,
    repl: &str,
    text: &Rc<Str>,
    count: Option<&Value>,
    func: &str,
) -> Result<(Value, i64)> {
    let count = limit_arg(func, "count", count)?;
    let pieces = template::parse(repl, pattern)?;
    let plain = template::literal(&pieces);
    let hay = text.as_str();
    let mut out = String::new();
    let mut reserved = 0usize;
    let mut matches = Matches::new(pattern, hay, text.is_ascii(), 0);
    let mut last = 0;
    let mut n = 0usize;
    while count == 0 || n < count {
        let Some(slots) = matches.next_match()? else { break };
        let (s, e) = slots[0].unwrap_or((last, last));
        out.push_str(&hay[last..s]);
        match plain {
            Some(t) => out.push_str(t),
            None => template::expand_into(&mut out, &pieces, hay, &slots),
        }
        last = e;
        n += 1;
        // `reserve` counts nothing: the text built so far is not counted yet, so each
        // check asks for all of it (asking for the growth since the last check let the
        // text grow 64 KiB past the limit at a time, without end).
        if out.len() > reserved + (1 << 16) {
            reserve(out.len(), func)?;
            reserved = out.len();
        }
    }
    if n == 0 {
        return Ok((Value::Str(text.clone()), 0));
    }
    out.push_str(&hay[last..]);
    reserve(out.len(), func)?;
    Ok((Value::string(out), n as i64))
}

pub fn subn_object(result: Value, n: i64) -> Value {
    let mut dict = Dict::with_capacity(2);
    dict.insert_str("result", result);
    dict.insert_str("count", Value::Int(n));
    Value::object(dict)
}

/// `Pattern(…)`, as spec §12.7 gives it.
fn pattern_text(p: &Pattern) -> String {
    let mut out = String::from("Pattern(");
    out.push_str(&crate::display::repr(&Value::str(&p.source)));
    let names: Vec<&str> = [(IGNORECASE, "IGNORECASE"), (MULTILINE, "MULTILINE"), (DOTALL, "DOTALL"), (VERBOSE, "VERBOSE")]
        .iter()
        .filter(|(f, _)| p.flags & f != 0)
        .map(|&(_, n)| n)
        .collect();
    if !names.is_empty() {
        let _ = write!(out, ", flags={}", names.join(" | "));
    }
    out.push(')');
    out
}

/// A new `Pattern` object for `pattern`.
pub fn pattern_object(pattern: Rc<Pattern>) -> Value {
    let bytes = pattern.source.len() + 512;
    Value::Library(LibraryObject::new(&PATTERN, PatternData(pattern), bytes))
}

/// The compiled pattern of a `Pattern` object.
pub fn pattern_of(v: &Value) -> Option<&Rc<Pattern>> {
    match v {
        Value::Library(o) => o.data::<PatternData>().map(|d| &d.0),
        _ => None,
    }
}

/// The pattern for `p` (a string or a `Pattern`) and `flags` in module function `func`.
pub fn pattern_arg(func: &str, p: &Value, flags: Option<&Value>) -> Result<Rc<Pattern>> {
    let flags = match flags {
        Some(Value::Int(f)) => *f,
        Some(Value::BigInt(_)) => -1,
        _ => 0,
    };
    match p {
        Value::Str(s) => {
            let flags = u32::try_from(flags)
                .map_err(|_| value_error(format!("`{func}`: invalid regex flags {flags}")))?;
            compiled(s.as_str(), flags)
        }
        other => match pattern_of(other) {
            Some(pattern) if flags == 0 => Ok(pattern.clone()),
            Some(_) => Err(value_error(format!(
                "`{func}`: flags cannot be given with a compiled Pattern (compile it with them)"
            ))),
            None => Err(type_error(format!("`{func}` expects a string or a Pattern for `p`, got {}", other.type_name()))),
        },
    }
}

// ----- Pattern methods --------------------------------------------------------------------

fn receiver_pattern<'a>(receiver: &'a Value, method: &str) -> Result<&'a Rc<Pattern>> {
    pattern_of(receiver).ok_or_else(|| type_error(format!("`Pattern.{method}` needs a Pattern")))
}

fn text_arg(args: &[Value], i: usize) -> &Rc<Str> {
    match &args[i] {
        Value::Str(s) => s,
        _ => unreachable!("the declaration checks that argument {i} is a string"),
    }
}

fn windowed(
    receiver: &Value,
    args: &[Value],
    method: &str,
    op: impl FnOnce(&Rc<Pattern>, &Target) -> Result<Value>,
    none: Value,
) -> Result<Value> {
    let pattern = receiver_pattern(receiver, method)?;
    let text = text_arg(args, 0);
    match Target::window(text, args.get(1), args.get(2)) {
        Some(target) => op(pattern, &target),
        None => Ok(none),
    }
}

fn p_search(_: &mut Vm, r: &Value, args: &[Value]) -> Result<Value> {
    windowed(r, args, "search", |p, t| find_one(p, t, Mode::Search), Value::Null)
}

fn p_match(_: &mut Vm, r: &Value, args: &[Value]) -> Result<Value> {
    windowed(r, args, "match", |p, t| find_one(p, t, Mode::Match), Value::Null)
}

fn p_fullmatch(_: &mut Vm, r: &Value, args: &[Value]) -> Result<Value> {
    windowed(r, args, "fullmatch", |p, t| find_one(p, t, Mode::Full), Value::Null)
}

fn p_findall(_: &mut Vm, r: &Value, args: &[Value]) -> Result<Value> {
    windowed(r, args, "findall", findall, Value::array(Vec::new()))
}

fn p_finditer(_: &mut Vm, r: &Value, args: &[Value]) -> Result<Value> {
    windowed(r, args, "finditer", finditer, Value::array(Vec::new()))
}

fn p_split(_: &mut Vm, r: &Value, args: &[Value]) -> Result<Value> {
    let pattern = receiver_pattern(r, "split")?;
    split(pattern, text_arg(args, 0), args.get(1), "Pattern.split")
}

fn p_sub(_: &mut Vm, r: &Value, args: &[Value]) -> Result<Value> {
    let pattern = receiver_pattern(r, "sub")?;
    Ok(sub(pattern, text_arg(args, 0).as_str(), text_arg(args, 1), args.get(2), "Pattern.sub")?.0)
}

fn p_subn(_: &mut Vm, r: &Value, args: &[Value]) -> Result<Value> {
    let pattern = receiver_pattern(r, "subn")?;
    let (result, n) = sub(pattern, text_arg(args, 0).as_str(), text_arg(args, 1), args.get(2), "Pattern.subn")?;
    Ok(subn_object(result, n))
}

fn p_test(_: &mut Vm, r: &Value, args: &[Value]) -> Result<Value> {
    let pattern = receiver_pattern(r, "test")?;
    let text = text_arg(args, 0);
    pattern.check_text(text.as_str(), text.is_ascii())?;
    Ok(Value::Bool(pattern.find(text.as_str(), text.is_ascii(), 0, Mode::Search)?.is_some()))
}

fn p_count(_: &mut Vm, r: &Value, args: &[Value]) -> Result<Value> {
    let pattern = receiver_pattern(r, "count")?;
    count(pattern, &Target::whole(text_arg(args, 0)))
}

fn p_get_pattern(_: &mut Vm, r: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::str(&receiver_pattern(r, "getPattern")?.source))
}

fn p_get_flags(_: &mut Vm, r: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(i64::from(receiver_pattern(r, "getFlags")?.flags)))
}

fn p_to_string(_: &mut Vm, r: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::string(pattern_text(receiver_pattern(r, "toString")?)))
}

fn pattern_property(o: &LibraryObject) -> Value {
    o.data::<PatternData>().map_or(Value::Null, |d| Value::str(&d.0.source))
}

// ----- Match methods ----------------------------------------------------------------------

fn receiver_match<'a>(receiver: &'a Value, method: &str) -> Result<&'a MatchData> {
    match receiver {
        Value::Library(o) => o.data::<MatchData>(),
        _ => None,
    }
    .ok_or_else(|| type_error(format!("`Match.{method}` needs a Match")))
}

impl MatchData {
    /// The group number `g` names (a number or a name); one that does not exist:
    /// IndexError.
    fn group_number(&self, g: Option<&Value>, method: &str) -> Result<usize> {
        let missing = |shown: String| {
            index_error(format!(
                "`Match.{method}`: no such group {shown} (the pattern {} has {} group(s){})",
                super::engine::quoted(&self.pattern.source),
                self.pattern.groups,
                if self.pattern.names.is_empty() {
                    String::new()
                } else {
                    let names: Vec<&str> = self.pattern.names.iter().map(|(n, _)| n.as_str()).collect();
                    format!(", named {}", names.join(", "))
                }
            ))
        };
        match g {
            None | Some(Value::Null) => Ok(0),
            Some(Value::Int(i)) => match usize::try_from(*i) {
                Ok(n) if n <= self.pattern.groups => Ok(n),
                _ => Err(missing(i.to_string())),
            },
            Some(Value::Str(s)) => {
                self.pattern.group_index(s.as_str()).ok_or_else(|| missing(format!("\"{}\"", s.as_str())))
            }
            Some(other) => Err(missing(crate::display::repr(other))),
        }
    }

    fn text_of(&self, g: usize) -> Value {
        self.slots[g].map_or(Value::Null, |(s, e)| Value::str(&self.text.as_str()[s..e]))
    }
}

fn m_group(_: &mut Vm, r: &Value, args: &[Value]) -> Result<Value> {
    let m = receiver_match(r, "group")?;
    let g = m.group_number(args.first(), "group")?;
    Ok(m.text_of(g))
}

fn m_groups(_: &mut Vm, r: &Value, _: &[Value]) -> Result<Value> {
    let m = receiver_match(r, "groups")?;
    Ok(Value::array((1..=m.pattern.groups).map(|g| m.text_of(g)).collect()))
}

fn m_group_dict(_: &mut Vm, r: &Value, args: &[Value]) -> Result<Value> {
    let m = receiver_match(r, "groupDict")?;
    let default = args.first().cloned().unwrap_or(Value::Null);
    let mut dict = Dict::with_capacity(m.pattern.names.len());
    for (name, g) in &m.pattern.names {
        let v = m.text_of(*g);
        dict.insert_str(name, if matches!(v, Value::Null) { default.clone() } else { v });
    }
    Ok(Value::object(dict))
}

fn m_position(r: &Value, args: &[Value], method: &str, pick: fn((usize, usize)) -> Value) -> Result<Value> {
    let m = receiver_match(r, method)?;
    let g = m.group_number(args.first(), method)?;
    Ok(m.spans[g].map_or(Value::Null, pick))
}

fn m_start(_: &mut Vm, r: &Value, args: &[Value]) -> Result<Value> {
    m_position(r, args, "start", |(s, _)| Value::Int(s as i64))
}

fn m_end(_: &mut Vm, r: &Value, args: &[Value]) -> Result<Value> {
    m_position(r, args, "end", |(_, e)| Value::Int(e as i64))
}

fn m_span(_: &mut Vm, r: &Value, args: &[Value]) -> Result<Value> {
    m_position(r, args, "span", |(s, e)| Value::array(vec![Value::Int(s as i64), Value::Int(e as i64)]))
}

fn m_value(_: &mut Vm, r: &Value, _: &[Value]) -> Result<Value> {
    Ok(receiver_match(r, "value")?.text_of(0))
}

fn m_last_group(_: &mut Vm, r: &Value, _: &[Value]) -> Result<Value> {
    let m = receiver_match(r, "lastGroup")?;
    Ok(m.pattern
        .last_index(&m.slots)
        .and_then(|g| m.pattern.group_name(g))
        .map_or(Value::Null, Value::str))
}

fn m_group_count(_: &mut Vm, r: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(receiver_match(r, "groupCount")?.pattern.groups as i64))
}

fn m_expand(_: &mut Vm, r: &Value, args: &[Value]) -> Result<Value> {
    let m = receiver_match(r, "expand")?;
    let pieces = template::parse(text_arg(args, 0).as_str(), &m.pattern)?;
    let mut out = String::new();
    template::expand_into(&mut out, &pieces, m.text.as_str(), &m.slots);
    Ok(Value::string(out))
}

fn m_to_string(_: &mut Vm, r: &Value, _: &[Value]) -> Result<Value> {
    let m = receiver_match(r, "toString")?;
    let (s, e) = m.spans[0].unwrap_or((0, 0));
    Ok(Value::string(format!("Match(value={}, span=[{s}, {e}])", crate::display::repr(&m.text_of(0)))))
}

/// Compiles `p` (with `flags`) to a `Pattern` object.
pub fn compile(func: &str, p: &Value, flags: Option<&Value>) -> Result<Value> {
    Ok(match p {
        Value::Str(_) => pattern_object(pattern_arg(func, p, flags)?),
        other => {
            pattern_arg(func, other, flags)?;
            other.clone()
        }
    })
}
