//! `format(v, spec)` specifications (§11.7): the parser and the formatting of ints,
//! floats and strings.
//!
//! The mini-language and its results are Python's (`format(v, spec)` in Python 3.11),
//! except that there is no `z` option. Widths and precisions above [`MAX_WIDTH`] and
//! [`MAX_PRECISION`] are rejected, so no spec can make the result huge.

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

use crate::support::float_text::{push_exponent, push_repeated, write_float, ShortestDigits};
use crate::support::numeric::{bigint_to_f64, push_u64_radix};

/// The largest width accepted in a spec.
pub const MAX_WIDTH: usize = 10_000;
/// The largest precision accepted in a spec.
pub const MAX_PRECISION: usize = 10_000;

/// The kind of error a format call raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatErrorKind {
    /// An invalid spec, or a field not allowed for the value (`ValueError`).
    Value,
    /// An int too large to convert to float for a float type (`OverflowError`).
    Overflow,
}

/// An error of [`format_int`], [`format_i64`], [`format_float`] or [`format_str`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    /// The error kind to raise.
    pub kind: FormatErrorKind,
    /// The message, naming the spec and the value kind.
    pub message: String,
}

/// Alignment of a formatted value within its width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=`: padding after the sign and prefix.
    AfterSign,
}

/// The sign option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignMode {
    /// `-`: a sign for negative values only (the default).
    Minus,
    /// `+`: a sign for all values.
    Plus,
    /// ` `: a space for non-negative values.
    Space,
}

/// A parsed format specification, as written (defaults are resolved when formatting).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character, when one was given before the alignment.
    pub fill: Option<char>,
    /// The alignment, when given.
    pub align: Option<Align>,
    /// The sign option, when given.
    pub sign: Option<SignMode>,
    /// `#`: alternate form.
    pub alternate: bool,
    /// `0` before the width.
    pub zero: bool,
    /// The minimum width.
    pub width: Option<usize>,
    /// The grouping character: `,` or `_`.
    pub grouping: Option<char>,
    /// The precision.
    pub precision: Option<usize>,
    /// The type character, unvalidated.
    pub ty: Option<char>,
}

impl FormatSpec {
    /// Parses a spec with the grammar of §11.7. The type character is not checked
    /// against the value kind, nor the grouping against the type: the `format_*`
    /// functions do that. The error is a reason without the spec text.
    pub fn parse(spec: &str) -> Result<FormatSpec, &'static str> {
        let chars: Vec<char> = spec.chars().collect();
        let mut pos = 0;
        let mut res = FormatSpec {
            fill: None,
            align: None,
            sign: None,
            alternate: false,
            zero: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
        };
        if chars.len() >= 2 && align_of(chars[1]).is_some() {
            res.fill = Some(chars[0]);
            res.align = align_of(chars[1]);
            pos = 2;
        } else if let Some(a) = chars.first().and_then(|&c| align_of(c)) {
            res.align = Some(a);
            pos = 1;
        }
        res.sign = match chars.get(pos) {
            Some('+') => Some(SignMode::Plus),
            Some('-') => Some(SignMode::Minus),
            Some(' ') => Some(SignMode::Space),
            _ => None,
        };
        if res.sign.is_some() {
            pos += 1;
        }
        if chars.get(pos) == Some(&'#') {
            res.alternate = true;
            pos += 1;
        }
        // As in Python, a `0` after an explicit fill is part of the width.
        if res.fill.is_none() && chars.get(pos) == Some(&'0') {
            res.zero = true;
            pos += 1;
        }
        res.width = parse_number(&chars, &mut pos, MAX_WIDTH, "width too large")?;
        if let Some(&c @ (',' | '_')) = chars.get(pos) {
            res.grouping = Some(c);
            pos += 1;
            if matches!(chars.get(pos), Some(',' | '_')) {
                return Err("only one grouping option is allowed");
            }
        }
        if chars.get(pos) == Some(&'.') {
            pos += 1;
            res.precision = parse_number(&chars, &mut pos, MAX_PRECISION, "precision too large")?;
            if res.precision.is_none() {
                return Err("missing precision after `.`");
            }
        }
        match chars.len() - pos {
            0 => {}
            1 => res.ty = Some(chars[pos]),
            _ => return Err("it does not follow the format grammar"),
        }
        Ok(res)
    }

    fn sign_mode(&self) -> SignMode {
        self.sign.unwrap_or(SignMode::Minus)
    }

    /// The fill and alignment in effect, given the value kind's default alignment.
    fn fill_align(&self, default_align: Align) -> (char, Align) {
        let fill = self.fill.unwrap_or(if self.zero { '0' } else { ' ' });
        let align = match self.align {
            Some(a) => a,
            None if self.zero && default_align == Align::Right => Align::AfterSign,
            None => default_align,
        };
        (fill, align)
    }
}

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Parses a run of ASCII digits at `pos`; `None` when there is none.
fn parse_number(
    chars: &[char],
    pos: &mut usize,
    max: usize,
    too_large: &'static str,
) -> Result<Option<usize>, &'static str> {
    let start = *pos;
    let mut v: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        v = v.saturating_mul(10).saturating_add(d as usize);
        *pos += 1;
    }
    if *pos == start {
        return Ok(None);
    }
    if v > max {
        return Err(too_large);
    }
    Ok(Some(v))
}

// ---------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------

/// `format(v, spec)` for an int.
pub fn format_int(v: &BigInt, spec: &str) -> Result<String, FormatError> {
    match v.to_i64() {
        Some(small) => format_i64(small, spec),
        None => format_integer(IntValue::Big(v), spec),
    }
}

/// `format(v, spec)` for an `i64` int.
pub fn format_i64(v: i64, spec: &str) -> Result<String, FormatError> {
    format_integer(IntValue::Small(v), spec)
}

/// `format(v, spec)` for a float.
pub fn format_float(v: f64, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        let mut out = String::new();
        write_float(&mut out, v);
        return Ok(out);
    }
    let parsed = parse_for(spec, "float")?;
    check_grouping(spec, "float", &parsed, None)?;
    format_float_with(v, &parsed, spec, "float")
}

/// `format(v, spec)` for a string.
pub fn format_str(v: &str, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(v.to_string());
    }
    let kind = "string";
    let parsed = parse_for(spec, kind)?;
    let ty = parsed.ty.unwrap_or('s');
    if ty != 's' {
        return Err(unknown_type(spec, kind, ty));
    }
    if parsed.grouping.is_some() {
        return Err(invalid(spec, kind, "grouping is not allowed"));
    }
    if parsed.sign.is_some() {
        return Err(invalid(spec, kind, "a sign is not allowed"));
    }
    if parsed.alternate {
        return Err(invalid(spec, kind, "`#` is not allowed"));
    }
    let (fill, align) = parsed.fill_align(Align::Left);
    if align == Align::AfterSign {
        return Err(invalid(spec, kind, "`=` alignment is not allowed"));
    }
    let text = match parsed.precision {
        Some(p) => match v.char_indices().nth(p) {
            Some((b, _)) => &v[..b],
            None => v,
        },
        None => v,
    };
    let len = text.chars().count();
    let pad = parsed.width.unwrap_or(0).saturating_sub(len);
    let left = match align {
        Align::Right => pad,
        Align::Center => pad / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(text.len() + pad * fill.len_utf8());
    push_repeated(&mut out, fill, left);
    out.push_str(text);
    push_repeated(&mut out, fill, pad - left);
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

fn invalid(spec: &str, kind: &str, reason: &str) -> FormatError {
    FormatError {
        kind: FormatErrorKind::Value,
        message: format!("invalid format specifier `{spec}` for {kind}: {reason}"),
    }
}

fn unknown_type(spec: &str, kind: &str, ty: char) -> FormatError {
    invalid(spec, kind, &format!("unknown format type `{ty}`"))
}

fn parse_for(spec: &str, kind: &str) -> Result<FormatSpec, FormatError> {
    FormatSpec::parse(spec).map_err(|reason| invalid(spec, kind, reason))
}

/// The grouping rule of §11.7, checked against the type (`default_ty` when none).
fn check_grouping(
    spec: &str,
    kind: &str,
    parsed: &FormatSpec,
    default_ty: Option<char>,
) -> Result<(), FormatError> {
    let Some(g) = parsed.grouping else {
        return Ok(());
    };
    let ok = match parsed.ty.or(default_ty) {
        None | Some('d' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => true,
        Some('b' | 'o' | 'x' | 'X') => g == '_',
        Some(_) => false,
    };
    if ok {
        Ok(())
    } else {
        let ty = parsed.ty.or(default_ty).map_or(String::new(), |t| format!(" with type `{t}`"));
        Err(invalid(spec, kind, &format!("grouping `{g}` is not allowed{ty}")))
    }
}

// ---------------------------------------------------------------------------------------
// Ints
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy)]
enum IntValue<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntValue<'_> {
    fn is_negative(self) -> bool {
        match self {
            IntValue::Small(v) => v < 0,
            IntValue::Big(b) => b.sign() == Sign::Minus,
        }
    }

    /// The magnitude in `base` with lower-case digits.
    fn magnitude_digits(self, base: u32) -> String {
        match self {
            IntValue::Small(v) => {
                let mut out = String::new();
                push_u64_radix(&mut out, v.unsigned_abs(), base);
                out
            }
            IntValue::Big(b) => b.magnitude().to_str_radix(base),
        }
    }

    fn to_f64(self) -> Option<f64> {
        match self {
            IntValue::Small(v) => Some(v as f64),
            IntValue::Big(b) => bigint_to_f64(b),
        }
    }
}

fn format_integer(v: IntValue<'_>, spec: &str) -> Result<String, FormatError> {
    let kind = "int";
    if spec.is_empty() {
        return Ok(format_decimal(v));
    }
    let parsed = parse_for(spec, kind)?;
    check_grouping(spec, kind, &parsed, Some('d'))?;
    let ty = parsed.ty.unwrap_or('d');
    let (base, upper) = match ty {
        'd' | 'n' => (10, false),
        'b' => (2, false),
        'o' => (8, false),
        'x' => (16, false),
        'X' => (16, true),
        'c' => (0, false),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let Some(x) = v.to_f64() else {
                return Err(FormatError {
                    kind: FormatErrorKind::Overflow,
                    message: format!(
                        "int too large to convert to float for format specifier `{spec}`"
                    ),
                });
            };
            return format_float_with(x, &parsed, spec, kind);
        }
        other => return Err(unknown_type(spec, kind, other)),
    };
    if parsed.precision.is_some() {
        return Err(invalid(spec, kind, "a precision is not allowed"));
    }
    if ty == 'c' {
        if parsed.sign.is_some() {
            return Err(invalid(spec, kind, "a sign is not allowed with type `c`"));
        }
        if parsed.alternate {
            return Err(invalid(spec, kind, "`#` is not allowed with type `c`"));
        }
        let ch = match v {
            IntValue::Small(cp) => u32::try_from(cp).ok().and_then(char::from_u32),
            IntValue::Big(_) => None,
        };
        let Some(ch) = ch else {
            return Err(FormatError {
                kind: FormatErrorKind::Value,
                message: format!(
                    "format specifier `{spec}`: {} is not a valid code point",
                    format_decimal(v)
                ),
            });
        };
        return Ok(layout_number(&parsed, false, "", "", &ch.to_string(), None));
    }
    let mut digits = v.magnitude_digits(base);
    if upper {
        digits.make_ascii_uppercase();
    }
    let prefix = if parsed.alternate {
        match ty {
            'b' => "0b",
            'o' => "0o",
            'x' => "0x",
            'X' => "0X",
            _ => "",
        }
    } else {
        ""
    };
    let group = parsed.grouping.map(|g| (g, if base == 10 { 3 } else { 4 }));
    Ok(layout_number(&parsed, v.is_negative(), prefix, &digits, "", group))
}

fn format_decimal(v: IntValue<'_>) -> String {
    match v {
        IntValue::Small(n) => n.to_string(),
        IntValue::Big(b) => b.to_string(),
    }
}

// ---------------------------------------------------------------------------------------
// Floats
// ---------------------------------------------------------------------------------------

fn format_float_with(
    v: f64,
    parsed: &FormatSpec,
    spec: &str,
    kind: &str,
) -> Result<String, FormatError> {
    let ty = parsed.ty;
    if !matches!(ty, None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')) {
        return Err(unknown_type(spec, kind, ty.unwrap_or(' ')));
    }
    let alt = parsed.alternate;
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    let (x, pct) = if ty == Some('%') { (v * 100.0, true) } else { (v, false) };
    let neg = x.is_sign_negative() && !x.is_nan();
    let mut body = String::new();
    if !x.is_finite() {
        body.push_str(match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
    } else {
        let a = x.abs();
        let e_char = if upper { 'E' } else { 'e' };
        match (ty, parsed.precision) {
            (None, None) => {
                // The float text of §4.8 (Python's repr), `.` kept in `#` mode.
                let sd = ShortestDigits::of(a);
                let use_exp = !(-4..16).contains(&sd.exp);
                assemble(&mut body, sd.digits(), sd.exp + 1, use_exp, 0, true, alt, e_char);
            }
            (None | Some('g' | 'G' | 'n'), p) => {
                let add_dot_0 = ty.is_none();
                let p = p.unwrap_or(6).max(1);
                let (digits, exp) = exp_digits(a, p - 1);
                let trimmed = digits.trim_end_matches('0');
                let trimmed = if trimmed.is_empty() { "0" } else { trimmed };
                let decpt = exp + 1;
                let p_i = p as i32;
                let limit = if add_dot_0 { p_i - 1 } else { p_i };
                let use_exp = decpt <= -4 || decpt > limit;
                let vend = if alt { p_i } else { 0 };
                assemble(&mut body, trimmed, decpt, use_exp, vend, add_dot_0, alt, e_char);
            }
            (Some('e' | 'E'), p) => {
                let p = p.unwrap_or(6);
                let (digits, exp) = exp_digits(a, p);
                let (first, fraction) = digits.split_at(digits.len().min(1));
                body.push_str(first);
                if p > 0 || alt {
                    body.push('.');
                }
                body.push_str(fraction);
                push_exponent(&mut body, e_char, exp);
            }
            (_, p) => {
                // 'f', 'F' and '%'.
                let p = p.unwrap_or(6);
                body = format!("{a:.p$}");
                if p == 0 && alt {
                    body.push('.');
                }
            }
        }
    }
    if pct {
        body.push('%');
    }
    let n_int = body.bytes().take_while(u8::is_ascii_digit).count();
    let (int_digits, rest) = body.split_at(n_int);
    let group = parsed.grouping.map(|g| (g, 3));
    Ok(layout_number(parsed, neg, "", int_digits, rest, group))
}

/// The digits of `a` (finite, non-negative) rounded to `frac + 1` significant digits
/// (correctly, ties to even) and the decimal exponent of the first one.
fn exp_digits(a: f64, frac: usize) -> (String, i32) {
    let text = format!("{a:.frac$e}");
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    (digits, exp.parse().unwrap_or(0))
}

/// Lays out decimal digits as CPython's `format_float_short` does: `digits` (no leading
/// zeros; trailing zeros removed, or the single digit `0`) are the significant digits,
/// the value being `0.digits × 10^decpt`. The output is padded with zeros up to
/// `vdigits_end` digits after the first one; a trailing `.` is removed unless `alt`.
#[allow(clippy::too_many_arguments)]
fn assemble(
    out: &mut String,
    digits: &str,
    mut decpt: i32,
    use_exp: bool,
    vdigits_end: i32,
    add_dot_0: bool,
    alt: bool,
    e_char: char,
) {
    let digits_len = digits.len() as i32;
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    let mut vdigits_end = vdigits_end.max(digits_len);
    vdigits_end =
        if !use_exp && add_dot_0 { vdigits_end.max(decpt + 1) } else { vdigits_end.max(decpt) };
    let zeros = |out: &mut String, n: i32| push_repeated(out, '0', n.max(0) as usize);
    if decpt <= 0 {
        zeros(out, decpt - vdigits_start);
        out.push('.');
        zeros(out, -decpt);
    } else {
        zeros(out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(digits);
    }
    if digits_len < decpt {
        zeros(out, decpt - digits_len);
        out.push('.');
        zeros(out, vdigits_end - decpt);
    } else {
        zeros(out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !alt {
        out.pop();
    }
    if use_exp {
        push_exponent(out, e_char, exp);
    }
}

// ---------------------------------------------------------------------------------------
// Layout of a number: sign, prefix, grouping, padding
// ---------------------------------------------------------------------------------------

/// Assembles `sign prefix digits rest` with grouping and padding, as CPython's
/// `calc_number_widths` / `fill_number`: `digits` are the integer digits, `rest` the
/// decimal point, fraction, exponent and `%`. With fill `0` and `=` alignment the
/// digits themselves are zero-extended (and grouped) up to the width.
fn layout_number(
    parsed: &FormatSpec,
    neg: bool,
    prefix: &str,
    digits: &str,
    rest: &str,
    group: Option<(char, usize)>,
) -> String {
    let (fill, align) = parsed.fill_align(Align::Right);
    let sign = match (neg, parsed.sign_mode()) {
        (true, _) => Some('-'),
        (false, SignMode::Plus) => Some('+'),
        (false, SignMode::Space) => Some(' '),
        (false, SignMode::Minus) => None,
    };
    let width = parsed.width.unwrap_or(0) as isize;
    let n_rest = rest.chars().count() as isize;
    let n_non_digit = isize::from(sign.is_some()) + prefix.len() as isize + n_rest;
    let min_width = if fill == '0' && align == Align::AfterSign { width - n_non_digit } else { 0 };
    let grouped = group_digits(digits, group, min_width);
    let n_padding = (width - n_non_digit - grouped.len() as isize).max(0) as usize;
    let (left, inner, right) = match align {
        Align::Left => (0, 0, n_padding),
        Align::Right => (n_padding, 0, 0),
        Align::Center => (n_padding / 2, 0, n_padding - n_padding / 2),
        Align::AfterSign => (0, n_padding, 0),
    };
    let mut out = String::with_capacity(
        grouped.len() + rest.len() + prefix.len() + 1 + n_padding * fill.len_utf8(),
    );
    push_repeated(&mut out, fill, left);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(prefix);
    push_repeated(&mut out, fill, inner);
    out.push_str(&grouped);
    out.push_str(rest);
    push_repeated(&mut out, fill, right);
    out
}

/// The integer digits with grouping separators, zero-extended to at least `min_width`
/// characters (CPython's `_PyUnicode_InsertThousandsGrouping`). `digits` are ASCII.
fn group_digits(digits: &str, group: Option<(char, usize)>, min_width: isize) -> String {
    if digits.is_empty() {
        return String::new();
    }
    let bytes = digits.as_bytes();
    let mut min_width = min_width.max(0);
    let mut remaining = bytes.len() as isize;
    // Built from the right, reversed at the end.
    let mut rev: Vec<u8> = Vec::with_capacity(bytes.len() + bytes.len() / 3 + 1);
    let take = |rev: &mut Vec<u8>, n_chars: isize, n_zeros: isize, remaining: isize| {
        let end = remaining as usize;
        let start = end - n_chars as usize;
        rev.extend(bytes[start..end].iter().rev());
        rev.extend(std::iter::repeat_n(b'0', n_zeros as usize));
    };
    match group {
        Some((sep, size)) => {
            let size = size as isize;
            let mut use_sep = false;
            loop {
                let len = size.min(remaining.max(min_width).max(1));
                let n_zeros = (len - remaining).max(0);
                let n_chars = remaining.min(len).max(0);
                if use_sep {
                    rev.push(sep as u8);
                }
                take(&mut rev, n_chars, n_zeros, remaining);
                use_sep = true;
                remaining -= n_chars;
                min_width -= len;
                if remaining <= 0 && min_width <= 0 {
                    break;
                }
                min_width -= 1;
            }
        }
        None => {
            let len = remaining.max(min_width).max(1);
            take(&mut rev, remaining, len - remaining, remaining);
        }
    }
    rev.iter().rev().map(|&b| char::from(b)).collect()
}

#[cfg(test)]
mod tests;
