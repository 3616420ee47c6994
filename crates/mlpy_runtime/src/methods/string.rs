//! The string methods (spec §10.1). Each method checks its arguments and calls the pure
//! helper of `support::strings`; positions and `start`/`end` bounds count code points.

use std::rc::Rc;

use crate::error::{type_error, value_error, Result};
use crate::methods::{check_result_size, collect_items, opt_int};
use crate::natives::{opt, req, Kinds, NativeDecl, Param};
use crate::support::strings;
use crate::value::{Str, Value};

const STR: Kinds = Kinds::STR;
const INT: Kinds = Kinds::INT;
/// `sub[, start[, end]]` of the searching methods.
const SEARCH: &[Param] = &[req("sub", STR), opt("start", INT, ""), opt("end", INT, "")];
const PAD: &[Param] = &[req("width", INT), opt("fill", STR, "\" \"")];
const STRIP: &[Param] = &[opt("chars", STR, "")];
const SPLIT: &[Param] = &[opt("sep", STR, ""), opt("maxsplit", INT, "-1")];

/// Every string method, declared (see `natives`). Sorted by name (a test checks it
/// against `STRING_METHODS`).
#[rustfmt::skip]
pub(super) static METHODS: &[NativeDecl] = &[
    NativeDecl::str_method("capitalize", &[], "a copy with the first character in title case and the rest lower-cased", capitalize),
    NativeDecl::str_method("center", PAD, "the string centred in width characters of fill (one character)", center),
    NativeDecl::str_method("count", SEARCH, "the number of non-overlapping occurrences of sub within [start, end)", count),
    NativeDecl::str_method("endswith", &[req("suffix", STR), opt("start", INT, ""), opt("end", INT, "")], "whether the string (within [start, end)) ends with suffix", endswith),
    NativeDecl::str_method("find", SEARCH, "the lowest index of sub within [start, end), or -1", find),
    NativeDecl::str_method("index", SEARCH, "the lowest index of sub within [start, end); ValueError when it does not occur", index),
    NativeDecl::str_method("isalnum", &[], "whether every character is a letter or a digit (false for \"\")", isalnum),
    NativeDecl::str_method("isalpha", &[], "whether every character is a letter (false for \"\")", isalpha),
    NativeDecl::str_method("isdigit", &[], "whether every character is a digit (false for \"\")", isdigit),
    NativeDecl::str_method("islower", &[], "whether there is a cased character and no upper-case one", islower),
    NativeDecl::str_method("isspace", &[], "whether every character is whitespace (false for \"\")", isspace),
    NativeDecl::str_method("istitle", &[], "whether the string is made of title-case words", istitle),
    NativeDecl::str_method("isupper", &[], "whether there is a cased character and no lower-case one", isupper),
    NativeDecl::str_method("join", &[req("items", Kinds::ITERABLE)], "the string items of an iterable with this string between them", join),
    NativeDecl::str_method("ljust", PAD, "the string padded on the right to width characters of fill (one character)", ljust),
    NativeDecl::str_method("lower", &[], "a lower-cased copy", lower),
    NativeDecl::str_method("lstrip", STRIP, "a copy without leading whitespace (or characters of chars)", lstrip),
    NativeDecl::str_method("replace", &[req("old", STR), req("new", STR), opt("count", INT, "-1")], "a copy with the first count (all if negative) occurrences of old replaced by new", replace),
    NativeDecl::str_method("rfind", SEARCH, "the highest index of sub within [start, end), or -1", rfind),
    NativeDecl::str_method("rindex", SEARCH, "the highest index of sub within [start, end); ValueError when it does not occur", rindex),
    NativeDecl::str_method("rjust", PAD, "the string padded on the left to width characters of fill (one character)", rjust),
    NativeDecl::str_method("rsplit", SPLIT, "the parts between separators (default: runs of whitespace), splits counted from the right", rsplit),
    NativeDecl::str_method("rstrip", STRIP, "a copy without trailing whitespace (or characters of chars)", rstrip),
    NativeDecl::str_method("split", SPLIT, "the parts between separators (default: runs of whitespace), at most maxsplit splits", split),
    NativeDecl::str_method("startswith", &[req("prefix", STR), opt("start", INT, ""), opt("end", INT, "")], "whether the string (within [start, end)) starts with prefix", startswith),
    NativeDecl::str_method("strip", STRIP, "a copy without leading and trailing whitespace (or characters of chars)", strip),
    NativeDecl::str_method("swapcase", &[], "a copy with upper-case characters lower-cased and lower-case ones upper-cased", swapcase),
    NativeDecl::str_method("title", &[], "a copy with every word in title case", title),
    NativeDecl::str_method("upper", &[], "an upper-cased copy", upper),
];

const KIND: &str = "string";

/// A required string argument.
fn str_param<'a>(name: &str, what: &str, v: &'a Value) -> Result<&'a str> {
    match v {
        Value::Str(s) => Ok(s.as_str()),
        other => Err(type_error(format!(
            "string method `{name}` expects a string {what}, got {}",
            other.type_name()
        ))),
    }
}

/// An optional string argument (`None` when missing or null).
fn opt_str<'a>(name: &str, what: &str, args: &'a [Value], idx: usize) -> Result<Option<&'a str>> {
    match args.get(idx) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => str_param(name, what, v).map(Some),
    }
}

/// A string result that reuses the receiver when the text did not change.
fn same_or_new(s: &Rc<Str>, res: &str) -> Value {
    if res.len() == s.as_str().len() {
        Value::Str(s.clone())
    } else {
        Value::str(res)
    }
}

// ----- case mapping ----------------------------------------------------------------------

/// Checks the memory a case mapping of `s` takes before it runs: its result (about the
/// size of `s`), and for the mappings that look at a character's neighbours (`title`,
/// `swapcase`) the characters of `s` decoded first, 4 bytes each (a 30 MB `title()`
/// took 180 MB uncounted).
fn reserve_case(s: &Rc<Str>, decoded: bool, what: &str) -> Result<()> {
    let chars = if decoded { 4 * s.char_len() as u64 } else { 0 };
    crate::methods::check_result_size(s.as_str().len() as u64 + chars, what)
}

fn upper(s: &Rc<Str>, _: &[Value]) -> Result<Value> {
    reserve_case(s, false, "upper")?;
    Ok(Value::string(strings::upper(s.as_str())))
}

fn lower(s: &Rc<Str>, _: &[Value]) -> Result<Value> {
    reserve_case(s, false, "lower")?;
    Ok(Value::string(strings::lower(s.as_str())))
}

fn capitalize(s: &Rc<Str>, _: &[Value]) -> Result<Value> {
    reserve_case(s, false, "capitalize")?;
    Ok(Value::string(strings::capitalize(s.as_str())))
}

fn title(s: &Rc<Str>, _: &[Value]) -> Result<Value> {
    reserve_case(s, true, "title")?;
    Ok(Value::string(strings::title(s.as_str())))
}

fn swapcase(s: &Rc<Str>, _: &[Value]) -> Result<Value> {
    reserve_case(s, true, "swapcase")?;
    Ok(Value::string(strings::swapcase(s.as_str())))
}

// ----- predicates ------------------------------------------------------------------------

fn predicate(s: &Rc<Str>, f: fn(&str) -> bool) -> Result<Value> {
    Ok(Value::Bool(f(s.as_str())))
}

fn isdigit(s: &Rc<Str>, _: &[Value]) -> Result<Value> {
    predicate(s, strings::is_digit)
}

fn isalpha(s: &Rc<Str>, _: &[Value]) -> Result<Value> {
    predicate(s, strings::is_alpha)
}

fn isalnum(s: &Rc<Str>, _: &[Value]) -> Result<Value> {
    predicate(s, strings::is_alnum)
}

fn isspace(s: &Rc<Str>, _: &[Value]) -> Result<Value> {
    predicate(s, strings::is_space_str)
}

fn isupper(s: &Rc<Str>, _: &[Value]) -> Result<Value> {
    predicate(s, strings::is_upper)
}

fn islower(s: &Rc<Str>, _: &[Value]) -> Result<Value> {
    predicate(s, strings::is_lower)
}

fn istitle(s: &Rc<Str>, _: &[Value]) -> Result<Value> {
    predicate(s, strings::is_title)
}

// ----- strip, pad ------------------------------------------------------------------------

fn strip_with(
    name: &str,
    s: &Rc<Str>,
    args: &[Value],
    f: for<'a> fn(&'a str, Option<&str>) -> &'a str,
) -> Result<Value> {
    let chars = opt_str(name, "of characters", args, 0)?;
    Ok(same_or_new(s, f(s.as_str(), chars)))
}

fn strip(s: &Rc<Str>, args: &[Value]) -> Result<Value> {
    strip_with("strip", s, args, strings::strip)
}

fn lstrip(s: &Rc<Str>, args: &[Value]) -> Result<Value> {
    strip_with("lstrip", s, args, strings::lstrip)
}

fn rstrip(s: &Rc<Str>, args: &[Value]) -> Result<Value> {
    strip_with("rstrip", s, args, strings::rstrip)
}

fn pad_with(
    name: &str,
    s: &Rc<Str>,
    args: &[Value],
    f: fn(&str, i64, char) -> String,
) -> Result<Value> {
    let width = match &args[0] {
        Value::Int(i) => *i,
        Value::BigInt(b) => crate::ops::bigint_to_i64_clamped(b),
        other => {
            return Err(type_error(format!(
                "string method `{name}` expects an int width, got {}",
                other.type_name()
            )))
        }
    };
    let fill = match opt_str(name, "fill character", args, 1)? {
        None => ' ',
        Some(f) => {
            let mut chars = f.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(type_error(format!(
                        "string method `{name}` expects a fill of exactly one character, got a string of length {}",
                        strings::char_len(f)
                    )))
                }
            }
        }
    };
    let n_fill = strings::pad_count(s.as_str(), width);
    if n_fill == 0 {
        return Ok(Value::Str(s.clone()));
    }
    check_result_size(
        (n_fill as u64).saturating_mul(fill.len_utf8() as u64) + s.as_str().len() as u64,
        name,
    )?;
    Ok(Value::string(f(s.as_str(), width, fill)))
}

fn center(s: &Rc<Str>, args: &[Value]) -> Result<Value> {
    pad_with("center", s, args, strings::center)
}

fn ljust(s: &Rc<Str>, args: &[Value]) -> Result<Value> {
    pad_with("ljust", s, args, strings::ljust)
}

fn rjust(s: &Rc<Str>, args: &[Value]) -> Result<Value> {
    pad_with("rjust", s, args, strings::rjust)
}

// ----- replace, split, join --------------------------------------------------------------

fn replace(s: &Rc<Str>, args: &[Value]) -> Result<Value> {
    let old = str_param("replace", "to replace", &args[0])?;
    let new = str_param("replace", "replacement", &args[1])?;
    let limit = opt_int(KIND, "replace", "count", args, 2)?;
    let text = s.as_str();
    let mut occurrences = strings::count(text, old, None, None) as u64;
    if let Some(c) = limit.filter(|c| *c >= 0) {
        occurrences = occurrences.min(c as u64);
    }
    if occurrences == 0 {
        return Ok(Value::Str(s.clone()));
    }
    check_result_size(
        (new.len() as u64).saturating_mul(occurrences).saturating_add(text.len() as u64),
        "replace",
    )?;
    Ok(Value::string(strings::replace(text, old, new, limit)))
}

type Splitter = for<'a> fn(
    &'a str,
    Option<&str>,
    i64,
) -> std::result::Result<Vec<&'a str>, strings::EmptySeparator>;

fn split_with(name: &str, s: &Rc<Str>, args: &[Value], f: Splitter) -> Result<Value> {
    let sep = opt_str(name, "separator", args, 0)?;
    let maxsplit = opt_int(KIND, name, "maxsplit", args, 1)?.unwrap_or(-1);
    // The pieces are counted and their memory reserved before any is made: each is a
    // string (its header, and its text past 24 bytes) in a 16-byte array slot.
    // A bound on the pieces comes first; they are counted exactly (a pass over the text)
    // only when the bound does not fit.
    let text = s.as_str();
    let piece_bytes = std::mem::size_of::<Str>() as u64 + 32;
    let cap = |pieces: u64| if maxsplit >= 0 { pieces.min(maxsplit as u64 + 1) } else { pieces };
    let need = |pieces: u64| {
        let long_text = if text.len() as u64 > 24 * pieces { text.len() as u64 } else { 0 };
        pieces.saturating_mul(piece_bytes).saturating_add(long_text)
    };
    let bound = cap(text.len() as u64 / sep.map_or(2, |s| s.len().max(1)) as u64 + 1);
    if check_result_size(need(bound), name).is_err() {
        let pieces = match sep {
            Some(sep) if !sep.is_empty() => strings::count(text, sep, None, None) as u64 + 1,
            Some(_) => 1,
            None => text.split_whitespace().count() as u64,
        };
        check_result_size(need(cap(pieces)), name)?;
    }
    let parts = f(s.as_str(), sep, maxsplit)
        .map_err(|_| value_error(format!("string method `{name}`: empty separator \"\"")))?;
    Ok(Value::array(parts.into_iter().map(Value::str).collect()))
}

fn split(s: &Rc<Str>, args: &[Value]) -> Result<Value> {
    split_with("split", s, args, strings::split)
}

fn rsplit(s: &Rc<Str>, args: &[Value]) -> Result<Value> {
    split_with("rsplit", s, args, strings::rsplit)
}

fn join(s: &Rc<Str>, args: &[Value]) -> Result<Value> {
    let items = collect_items(&args[0], "join")?;
    let sep = s.as_str();
    let mut total: u64 = (sep.len() as u64).saturating_mul(items.len().saturating_sub(1) as u64);
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::Str(part) => total = total.saturating_add(part.as_str().len() as u64),
            other => {
                return Err(type_error(format!(
                    "string method `join` expects string items, got {} at position {i}",
                    other.type_name()
                )))
            }
        }
    }
    check_result_size(total, "join")?;
    let mut out = String::with_capacity(total as usize);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        if let Value::Str(part) = item {
            out.push_str(part.as_str());
        }
    }
    Ok(Value::string(out))
}

// ----- searching -------------------------------------------------------------------------

/// The `(sub, start, end)` arguments of `find`, `count`, `startswith`, ….
fn search_args<'a>(
    name: &str,
    what: &str,
    args: &'a [Value],
) -> Result<(&'a str, Option<i64>, Option<i64>)> {
    let sub = str_param(name, what, &args[0])?;
    Ok((sub, opt_int(KIND, name, "start", args, 1)?, opt_int(KIND, name, "end", args, 2)?))
}

fn startswith(s: &Rc<Str>, args: &[Value]) -> Result<Value> {
    let (prefix, start, end) = search_args("startswith", "prefix", args)?;
    Ok(Value::Bool(strings::starts_with(s.as_str(), prefix, start, end)))
}

fn endswith(s: &Rc<Str>, args: &[Value]) -> Result<Value> {
    let (suffix, start, end) = search_args("endswith", "suffix", args)?;
    Ok(Value::Bool(strings::ends_with(s.as_str(), suffix, start, end)))
}

fn position(found: Option<usize>) -> Value {
    Value::Int(found.map_or(-1, |i| i as i64))
}

fn find(s: &Rc<Str>, args: &[Value]) -> Result<Value> {
    let (sub, start, end) = search_args("find", "substring", args)?;
    Ok(position(strings::find(s.as_str(), sub, start, end)))
}

fn rfind(s: &Rc<Str>, args: &[Value]) -> Result<Value> {
    let (sub, start, end) = search_args("rfind", "substring", args)?;
    Ok(position(strings::rfind(s.as_str(), sub, start, end)))
}

fn not_found(name: &str, sub: &str) -> crate::error::RuntimeError {
    value_error(format!(
        "string method `{name}`: substring {} not found",
        strings::quote_literal(sub)
    ))
}

fn index(s: &Rc<Str>, args: &[Value]) -> Result<Value> {
    let (sub, start, end) = search_args("index", "substring", args)?;
    strings::find(s.as_str(), sub, start, end)
        .map(|i| Value::Int(i as i64))
        .ok_or_else(|| not_found("index", sub))
}

fn rindex(s: &Rc<Str>, args: &[Value]) -> Result<Value> {
    let (sub, start, end) = search_args("rindex", "substring", args)?;
    strings::rfind(s.as_str(), sub, start, end)
        .map(|i| Value::Int(i as i64))
        .ok_or_else(|| not_found("rindex", sub))
}

fn count(s: &Rc<Str>, args: &[Value]) -> Result<Value> {
    let (sub, start, end) = search_args("count", "substring", args)?;
    Ok(Value::Int(strings::count(s.as_str(), sub, start, end) as i64))
}

#[cfg(test)]
mod tests {
    use crate::methods::STRING_METHODS;

    #[test]
    fn table_matches_the_method_list() {
        let names: Vec<&str> = super::METHODS.iter().map(|m| m.name).collect();
        assert_eq!(names, STRING_METHODS);
        assert!(names.windows(2).all(|w| w[0] < w[1]), "the table must be sorted");
    }
}
