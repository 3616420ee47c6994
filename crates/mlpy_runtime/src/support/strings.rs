//! The string methods of §10.1 on `&str`, returning plain Rust values, plus the literal
//! and JSON quoting of strings (§4.7, §12.6) and slice-bound resolution (§5.10).
//!
//! Positions, lengths and `start`/`end` arguments count code points. The semantics are
//! those of Python's `str` methods:
//!
//! * Case mappings are full mappings (`"ß"` upper-cases to `"SS"`). `upper`/`lower` use
//!   Rust's tables; title-casing, the cased/case-ignorable properties (final-sigma rule)
//!   and the `is*` predicates use tables generated from Python's `unicodedata`
//!   (see `strings/unicode_tables.rs`).
//! * `isdigit` is true for characters of numeric type Digit or Decimal (`"²"`, `"①"`,
//!   `"٣"`), `isalpha` for general category L, `isalnum` for letters and characters of
//!   any numeric type, `isspace` for Python's whitespace (which adds U+001C..U+001F to
//!   the Unicode White_Space characters).
//! * `start`/`end` arguments of `find`, `count`, `startswith`… are resolved by
//!   [`normalize_range`] like Python does: a region whose start lies after its end (for
//!   example a start beyond the length) contains nothing, not even the empty string
//!   (`"abc".find("", 4)` is not found, `"abc".find("", 3)` is 3).

mod unicode_tables;

use unicode_tables::{ALPHA, CASE_IGNORABLE, DIGIT, NUMERIC, SPACE, TITLECASE, TITLE_MAP};

// ---------------------------------------------------------------------------------------
// Slice bounds (§5.10)
// ---------------------------------------------------------------------------------------

/// The indexes selected by a slice `[start:end:step]` of a sequence (§5.10).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SliceIndices {
    /// The first selected index (meaningful only when `count > 0`).
    pub start: usize,
    /// The step, never zero.
    pub step: i64,
    /// The number of selected indexes.
    pub count: usize,
}

impl SliceIndices {
    /// The selected indexes, in order.
    pub fn iter(&self) -> impl Iterator<Item = usize> {
        let (start, step) = (self.start as i128, i128::from(self.step));
        (0..self.count).map(move |i| (start + i as i128 * step) as usize)
    }
}

/// Resolves the bounds of a slice `[start:end:step]` of a sequence of length `len`
/// (§5.10); `None` bounds are omitted ones. Returns `None` when `step == 0` (the caller
/// raises `ValueError`). Never fails for out-of-range bounds.
pub fn slice_indices(
    len: usize,
    start: Option<i64>,
    end: Option<i64>,
    step: i64,
) -> Option<SliceIndices> {
    if step == 0 {
        return None;
    }
    let n = len as i128;
    let step_w = i128::from(step);
    let adjust = |v: i64| {
        let v = i128::from(v);
        if v < 0 {
            v + n
        } else {
            v
        }
    };
    let (first, count) = if step > 0 {
        let s = start.map_or(0, |v| adjust(v).clamp(0, n));
        let e = end.map_or(n, |v| adjust(v).clamp(0, n));
        let count = if e > s { (e - s - 1) / step_w + 1 } else { 0 };
        (s, count)
    } else {
        let s = start.map_or(n - 1, |v| adjust(v).clamp(-1, n - 1));
        let e = end.map_or(-1, |v| adjust(v).clamp(-1, n - 1));
        let count = if s > e { (s - e - 1) / -step_w + 1 } else { 0 };
        (s, count)
    };
    Some(SliceIndices {
        start: usize::try_from(first).unwrap_or(0),
        step,
        count: usize::try_from(count).unwrap_or(0),
    })
}

/// Resolves the optional `start`/`end` arguments of `find`, `count`, `startswith`…
/// for a string of `len` code points: a negative bound has `len` added and is then
/// raised to 0, `end` is lowered to `len`. Returns the region `[start, end)`, or `None`
/// when `start > end` (an empty region in which even `""` does not occur).
pub fn normalize_range(len: usize, start: Option<i64>, end: Option<i64>) -> Option<(usize, usize)> {
    let n = len as i128;
    let adjust = |v: i64| {
        let v = i128::from(v);
        if v < 0 {
            (v + n).max(0)
        } else {
            v
        }
    };
    let s = start.map_or(0, adjust);
    let e = end.map_or(n, |v| adjust(v).min(n));
    if s > e {
        return None;
    }
    Some((usize::try_from(s).ok()?, usize::try_from(e).ok()?))
}

/// The characters of `s` selected by a slice `[start:end:step]` (§5.10). `None` when
/// `step == 0`.
pub fn slice_chars(s: &str, start: Option<i64>, end: Option<i64>, step: i64) -> Option<String> {
    if s.is_ascii() {
        let bytes = s.as_bytes();
        let idx = slice_indices(bytes.len(), start, end, step)?;
        if step == 1 {
            return Some(s[idx.start.min(s.len())..(idx.start + idx.count).min(s.len())].into());
        }
        return Some(idx.iter().filter_map(|i| bytes.get(i)).map(|&b| char::from(b)).collect());
    }
    let chars: Vec<char> = s.chars().collect();
    let idx = slice_indices(chars.len(), start, end, step)?;
    Some(idx.iter().filter_map(|i| chars.get(i)).collect())
}

// ---------------------------------------------------------------------------------------
// Code point positions
// ---------------------------------------------------------------------------------------

/// The number of code points of `s`.
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// The byte offset of the code point at index `idx` (the length of `s` when `idx` is
/// the number of code points or more).
pub fn byte_offset(s: &str, idx: usize) -> usize {
    if s.is_ascii() {
        return idx.min(s.len());
    }
    s.char_indices().nth(idx).map_or(s.len(), |(b, _)| b)
}

/// The code point `[start, end)` region of `s` as a byte range, with the code point
/// index of its start; `None` when the region is invalid (see [`normalize_range`]).
fn region(s: &str, start: Option<i64>, end: Option<i64>) -> Option<(&str, usize)> {
    if start.is_none() && end.is_none() {
        return Some((s, 0));
    }
    let (a, b) = normalize_range(char_len(s), start, end)?;
    let (ba, bb) = (byte_offset(s, a), byte_offset(s, b));
    Some((&s[ba..bb], a))
}

// ---------------------------------------------------------------------------------------
// Searching
// ---------------------------------------------------------------------------------------

/// `s.find(sub, start, end)`: the lowest code point index where `sub` occurs within
/// `[start, end)`, or `None` (`index` raises `ValueError` on `None`).
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Option<usize> {
    let (hay, base) = region(s, start, end)?;
    let off = hay.find(sub)?;
    Some(base + char_len(&hay[..off]))
}

/// `s.rfind(sub, start, end)`: the highest code point index where `sub` occurs within
/// `[start, end)`, or `None` (`rindex` raises `ValueError` on `None`).
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Option<usize> {
    let (hay, base) = region(s, start, end)?;
    let off = hay.rfind(sub)?;
    Some(base + char_len(&hay[..off]))
}

/// `s.count(sub, start, end)`: the number of non-overlapping occurrences of `sub`
/// within `[start, end)`; an empty `sub` counts one more than the code points of the
/// region.
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    let Some((hay, _)) = region(s, start, end) else {
        return 0;
    };
    if sub.is_empty() {
        char_len(hay) + 1
    } else {
        hay.matches(sub).count()
    }
}

/// `s.startswith(prefix, start, end)`.
pub fn starts_with(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    region(s, start, end).is_some_and(|(hay, _)| hay.starts_with(prefix))
}

/// `s.endswith(suffix, start, end)`.
pub fn ends_with(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    region(s, start, end).is_some_and(|(hay, _)| hay.ends_with(suffix))
}

// ---------------------------------------------------------------------------------------
// Replace, split, strip, pad
// ---------------------------------------------------------------------------------------

/// `s.replace(old, new, count)`: the first `count` non-overlapping occurrences of `old`
/// replaced, left to right; all of them when `count` is `None` or negative. An empty
/// `old` matches before every character and at the end.
pub fn replace(s: &str, old: &str, new: &str, count: Option<i64>) -> String {
    let limit = match count {
        Some(c) if c >= 0 => usize::try_from(c).unwrap_or(usize::MAX),
        _ => usize::MAX,
    };
    if limit == 0 {
        return s.to_string();
    }
    if old.is_empty() {
        let mut out = String::with_capacity(s.len());
        let mut done = 0;
        for c in s.chars() {
            if done < limit {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < limit {
            out.push_str(new);
        }
        return out;
    }
    s.replacen(old, new, limit)
}

/// The error of `split`/`rsplit` with an empty separator (`ValueError`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmptySeparator;

impl std::fmt::Display for EmptySeparator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("empty separator")
    }
}

/// `s.split(sep, maxsplit)`. Without `sep`: split at runs of whitespace, ignoring
/// leading and trailing whitespace, never producing empty parts. With `sep`: split at
/// each occurrence, keeping empty parts. At most `maxsplit` splits are made from the
/// left; a negative `maxsplit` means no limit.
pub fn split<'a>(
    s: &'a str,
    sep: Option<&str>,
    maxsplit: i64,
) -> Result<Vec<&'a str>, EmptySeparator> {
    let limit = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    match sep {
        Some("") => Err(EmptySeparator),
        Some(sep) if sep.len() == 1 => Ok(split_byte(s, sep.as_bytes()[0], limit)),
        Some(sep) => Ok(s.splitn(limit.saturating_add(1), sep).collect()),
        None => Ok(split_whitespace(s, limit)),
    }
}

/// `split` on a one-byte (so ASCII) separator, at most `limit` times. A plain scan of the
/// bytes: the parts are mostly short words, for which `str::splitn` (a `memchr` call per
/// part, or the two-way searcher for a `&str` pattern) costs several times as much.
fn split_byte(s: &str, sep: u8, limit: usize) -> Vec<&str> {
    let bytes = s.as_bytes();
    let seps = bytes.iter().filter(|&&b| b == sep).count();
    let mut parts = Vec::with_capacity(seps.min(limit) + 1);
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == sep && parts.len() < limit {
            // `sep` is ASCII, so both ends are character boundaries.
            parts.push(&s[start..i]);
            start = i + 1;
        }
    }
    parts.push(&s[start..]);
    parts
}

/// `s.rsplit(sep, maxsplit)`: like [`split`], but the splits are counted from the
/// right.
pub fn rsplit<'a>(
    s: &'a str,
    sep: Option<&str>,
    maxsplit: i64,
) -> Result<Vec<&'a str>, EmptySeparator> {
    let limit = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    match sep {
        Some("") => Err(EmptySeparator),
        Some(sep) => {
            let mut parts: Vec<&str> = s.rsplitn(limit.saturating_add(1), sep).collect();
            parts.reverse();
            Ok(parts)
        }
        None => Ok(rsplit_whitespace(s, limit)),
    }
}

fn split_whitespace(s: &str, limit: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = s.trim_start_matches(is_space);
    while !rest.is_empty() {
        if parts.len() == limit {
            parts.push(rest);
            break;
        }
        match rest.find(is_space) {
            Some(i) => {
                parts.push(&rest[..i]);
                rest = rest[i..].trim_start_matches(is_space);
            }
            None => {
                parts.push(rest);
                break;
            }
        }
    }
    parts
}

fn rsplit_whitespace(s: &str, limit: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = s.trim_end_matches(is_space);
    while !rest.is_empty() {
        if parts.len() == limit {
            parts.push(rest);
            break;
        }
        match rest.rfind(is_space) {
            Some(i) => {
                let c_len = rest[i..].chars().next().map_or(1, char::len_utf8);
                parts.push(&rest[i + c_len..]);
                rest = rest[..i].trim_end_matches(is_space);
            }
            None => {
                parts.push(rest);
                break;
            }
        }
    }
    parts.reverse();
    parts
}

/// `s.strip(chars)`: without leading and trailing whitespace, or without any of the
/// characters of `chars`.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_matches(is_space),
        Some(cs) => s.trim_matches(|c| cs.contains(c)),
    }
}

/// `s.lstrip(chars)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(is_space),
        Some(cs) => s.trim_start_matches(|c| cs.contains(c)),
    }
}

/// `s.rstrip(chars)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(is_space),
        Some(cs) => s.trim_end_matches(|c| cs.contains(c)),
    }
}

/// The number of fill characters `center`/`ljust`/`rjust` add to `s` for `width`
/// (0 when `s` is already at least `width` long). Lets the caller check the result size
/// against its limits before padding.
pub fn pad_count(s: &str, width: i64) -> usize {
    let len = char_len(s);
    usize::try_from(width).map_or(0, |w| w.saturating_sub(len))
}

/// `s.center(width, fill)`: `m // 2` fill characters on the left, plus one more when
/// both `m` and `width` are odd, where `m = width - length`; the rest on the right.
pub fn center(s: &str, width: i64, fill: char) -> String {
    let m = pad_count(s, width);
    let left = m / 2 + usize::from(m % 2 == 1 && width % 2 != 0);
    pad(s, left, m - left, fill)
}

/// `s.ljust(width, fill)`: `s` followed by fill characters up to `width`.
pub fn ljust(s: &str, width: i64, fill: char) -> String {
    pad(s, 0, pad_count(s, width), fill)
}

/// `s.rjust(width, fill)`: fill characters up to `width`, followed by `s`.
pub fn rjust(s: &str, width: i64, fill: char) -> String {
    pad(s, pad_count(s, width), 0, fill)
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

// ---------------------------------------------------------------------------------------
// Case mapping
// ---------------------------------------------------------------------------------------

/// `s.upper()`: full Unicode upper-case mapping (`"ß"` → `"SS"`).
pub fn upper(s: &str) -> String {
    s.to_uppercase()
}

/// `s.lower()`: full Unicode lower-case mapping, with the final-sigma rule.
pub fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// `s.capitalize()`: the first character title-cased, the rest lower-cased.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            push_title(&mut out, c);
        } else {
            push_lower_in_context(&mut out, &chars, i);
        }
    }
    out
}

/// `s.title()`: each character that follows a cased character is lower-cased, each
/// other character is title-cased (`"they're bill's"` → `"They'Re Bill'S"`).
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if previous_is_cased {
            push_lower_in_context(&mut out, &chars, i);
        } else {
            push_title(&mut out, c);
        }
        previous_is_cased = is_cased(c);
    }
    out
}

/// `s.swapcase()`: upper-case characters lower-cased and lower-case ones upper-cased;
/// other characters (title-case letters included) unchanged.
pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            push_lower_in_context(&mut out, &chars, i);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Appends the full title-case mapping of `c`.
fn push_title(out: &mut String, c: char) {
    match TITLE_MAP.binary_search_by_key(&u32::from(c), |&(cp, _)| cp) {
        Ok(i) => out.push_str(TITLE_MAP[i].1),
        Err(_) => out.extend(c.to_uppercase()),
    }
}

/// Appends the full lower-case mapping of `chars[i]`, applying the final-sigma rule to
/// U+03A3 with the surrounding characters as context.
fn push_lower_in_context(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c != '\u{3A3}' {
        out.extend(c.to_lowercase());
        return;
    }
    // Final_Sigma: \p{cased} \p{case-ignorable}* Σ !( \p{case-ignorable}* \p{cased} )
    let before = chars[..i].iter().rev().find(|&&ch| !is_case_ignorable(ch));
    let after = chars[i + 1..].iter().find(|&&ch| !is_case_ignorable(ch));
    let is_final = before.is_some_and(|&ch| is_cased(ch)) && !after.is_some_and(|&ch| is_cased(ch));
    out.push(if is_final { '\u{3C2}' } else { '\u{3C3}' });
}

fn in_table(table: &[(u32, u32)], c: char) -> bool {
    let cp = u32::from(c);
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// A title-case letter (general category Lt, e.g. `ǅ`).
fn is_titlecase(c: char) -> bool {
    !c.is_ascii() && in_table(TITLECASE, c)
}

/// The Unicode Cased property: lower-case, upper-case or title-case.
fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

fn is_case_ignorable(c: char) -> bool {
    in_table(CASE_IGNORABLE, c)
}

// ---------------------------------------------------------------------------------------
// Predicates
// ---------------------------------------------------------------------------------------

/// Whether `c` is whitespace as in `str.isspace` (and `split()`, `strip()`).
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, '\t'..='\r' | '\u{1C}'..='\u{20}')
    } else {
        in_table(SPACE, c)
    }
}

/// Whether `c` has numeric type Digit or Decimal.
pub fn is_digit_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_table(DIGIT, c)
    }
}

/// Whether `c` is a letter (general category L).
pub fn is_alpha_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_table(ALPHA, c)
    }
}

/// Whether `c` is a letter or has a numeric type (Decimal, Digit or Numeric).
pub fn is_alnum_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        in_table(ALPHA, c) || in_table(NUMERIC, c)
    }
}

/// `s.isdigit()`: non-empty and every character has numeric type Digit or Decimal.
pub fn is_digit(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_digit_char)
}

/// `s.isalpha()`: non-empty and every character is a letter (general category L).
pub fn is_alpha(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_alpha_char)
}

/// `s.isalnum()`: non-empty and every character is a letter, digit or numeric.
pub fn is_alnum(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_alnum_char)
}

/// `s.isspace()`: non-empty and every character is whitespace.
pub fn is_space_str(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_space)
}

/// `s.isupper()`: has a cased character and no lower-case or title-case one.
pub fn is_upper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_lowercase() || is_titlecase(c) {
            return false;
        }
        cased = cased || c.is_uppercase();
    }
    cased
}

/// `s.islower()`: has a cased character and no upper-case or title-case one.
pub fn is_lower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            return false;
        }
        cased = cased || c.is_lowercase();
    }
    cased
}

/// `s.istitle()`: has a cased character; upper-case and title-case characters only
/// follow uncased ones and lower-case characters only follow cased ones.
pub fn is_title(s: &str) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

// ---------------------------------------------------------------------------------------
// Quoting (§4.7, §12.6)
// ---------------------------------------------------------------------------------------

/// The literal form of a string (§4.7): JSON quoting with non-ASCII characters kept.
pub fn quote_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    write_quoted_literal(&mut out, s);
    out
}

/// Appends the literal form of `s` (§4.7) to `out`.
pub fn write_quoted_literal(out: &mut String, s: &str) {
    write_quoted(out, s, false);
}

/// The string as written by `json.stringify` (§12.6): the literal form, except that
/// every character above U+007E is written `\uXXXX` (lower-case hexadecimal, characters
/// above U+FFFF as a surrogate pair).
pub fn quote_json(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    write_quoted_json(&mut out, s);
    out
}

/// Appends `s` as written by `json.stringify` (§12.6) to `out`.
pub fn write_quoted_json(out: &mut String, s: &str) {
    write_quoted(out, s, true);
}

/// At most how many bytes `s` takes quoted (literal form, or `json.stringify`'s with
/// `ascii_only`): an ASCII byte that is escaped becomes at most 6 (`\u0001`), any other
/// byte at most 3 (`é`, 2 bytes, is `\u00e9`; a character above U+FFFF, 4 bytes, is two
/// escapes; an escaped formatting character, 3 bytes, is `\u202e`). Lets the text forms
/// check a long string's quoted size before writing it (20 MB of `\x01` is 120 MB).
pub fn quoted_len_bound(s: &str) -> u64 {
    let extra: u64 = s
        .bytes()
        .map(|b| match b {
            b'"' | b'\\' | 0..=0x1f | 0x7f => 5,
            0x80.. => 2,
            _ => 0,
        })
        .sum();
    s.len() as u64 + 2 + extra
}

fn write_quoted(out: &mut String, s: &str, ascii_only: bool) {
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let mut plain_start = 0;
    let mut i = 0;
    loop {
        // Runs of characters written as themselves are copied whole.
        i = find_special(bytes, i, ascii_only);
        let Some(&b) = bytes.get(i) else { break };
        out.push_str(&s[plain_start..i]);
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            0x08 => out.push_str("\\b"),
            0x0C => out.push_str("\\f"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0..=0x7F => push_unicode_escape(out, u16::from(b)),
            _ => {
                // The first byte of a character above U+007F (only when `ascii_only`).
                let c = s[i..].chars().next().unwrap_or('\u{FFFD}');
                let mut units = [0u16; 2];
                for &unit in c.encode_utf16(&mut units).iter() {
                    push_unicode_escape(out, unit);
                }
                i += c.len_utf8() - 1;
            }
        }
        i += 1;
        plain_start = i;
    }
    out.push_str(&s[plain_start..]);
    out.push('"');
}

/// Appends `\uXXXX` (lower-case hexadecimal).
fn push_unicode_escape(out: &mut String, unit: u16) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let hex = |shift: u16| char::from(HEX[usize::from((unit >> shift) & 0xF)]);
    out.reserve(6);
    out.push('\\');
    out.push('u');
    out.push(hex(12));
    out.push(hex(8));
    out.push(hex(4));
    out.push(hex(0));
}

/// The index of the first byte at or after `from` that is `"`, `\` or below 0x20 — and,
/// with `high`, 0x7F or above — or `bytes.len()`: the end of a run of characters that
/// JSON quoting copies as they are (and that a JSON string holds unescaped). Eight
/// bytes at a time: a byte `b` of a word `w` is flagged by the classic "has a zero
/// byte" test `(x - 0x01..) & !x & 0x80..` on `x = w ^ c` (for `b == c`), by
/// `(w - 0x20..) & !w & 0x80..` (for `b < 0x20`), and by its high bit (for `b >= 0x80`).
/// A borrow can only flag bytes above a flagged one, so the lowest flagged byte is the
/// first special one.
pub(crate) fn find_special(bytes: &[u8], from: usize, high: bool) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    #[inline(always)]
    fn zero_byte(x: u64) -> u64 {
        x.wrapping_sub(ONES) & !x & HIGH
    }
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let mut found = zero_byte(w ^ (ONES * u64::from(b'"')))
            | zero_byte(w ^ (ONES * u64::from(b'\\')))
            | (w.wrapping_sub(ONES * 0x20) & !w & HIGH);
        if high {
            found |= (w & HIGH) | zero_byte(w ^ (ONES * 0x7F));
        }
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b == b'"' || b == b'\\' || b < 0x20 || (high && b >= 0x7F) {
            return i;
        }
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests;
