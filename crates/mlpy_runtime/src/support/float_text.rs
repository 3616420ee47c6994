//! Float text (spec §4.8): the display and literal form of a float.
//!
//! The digits are the shortest round-trip digits produced by Rust's `{:e}` formatting;
//! the layout (fixed notation when the decimal exponent is in `-4..16`, scientific
//! notation otherwise) is the one of Python's `repr(float)`.
//!
//! The digits are computed with `zmij` (Schubfach), several times faster than `{:e}`,
//! and equal to them except at exact ties: when `x` lies exactly halfway between two
//! shortest digit strings, zmij takes the even one and Rust's `{:e}` the larger one
//! (`1125899906842624.25` is `...624.2` for zmij and Python, `...624.3` for Rust and
//! the spec). `ShortestDigits::of` detects those ties exactly and takes `{:e}`'s digits
//! there; `tests.rs` compares the two on millions of values, ties included.

use std::fmt::Write as _;

/// Returns the float text of `x` (§4.8): `0.1`, `5.0`, `1e+16`, `1.5e-07`, `nan`, `-inf`.
pub fn format_float(x: f64) -> String {
    let mut out = String::new();
    write_float(&mut out, x);
    out
}

/// Appends the float text of `x` (§4.8) to `out`.
pub fn write_float(out: &mut String, x: f64) {
    if x.is_nan() {
        out.push_str("nan");
        return;
    }
    if x.is_infinite() {
        out.push_str(if x > 0.0 { "inf" } else { "-inf" });
        return;
    }
    if x.is_sign_negative() {
        out.push('-');
    }
    if x == 0.0 {
        out.push_str("0.0");
        return;
    }
    let sci = ShortestDigits::of(x.abs());
    let digits = sci.digits();
    let n = digits.len() as i32;
    // |x| = 0.d1…dn × 10^p
    let p = sci.exp + 1;
    if (-4..16).contains(&sci.exp) {
        if p <= 0 {
            out.push_str("0.");
            push_repeated(out, '0', (-p) as usize);
            out.push_str(digits);
        } else if p < n {
            out.push_str(&digits[..p as usize]);
            out.push('.');
            out.push_str(&digits[p as usize..]);
        } else {
            out.push_str(digits);
            push_repeated(out, '0', (p - n) as usize);
            out.push_str(".0");
        }
    } else {
        out.push_str(&digits[..1]);
        if n > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        push_exponent(out, 'e', sci.exp);
    }
}

/// Appends `e`, the sign of `exp` and at least two digits of `|exp|` (`e+16`, `e-07`).
pub(crate) fn push_exponent(out: &mut String, e_char: char, exp: i32) {
    out.push(e_char);
    out.push(if exp < 0 { '-' } else { '+' });
    let _ = write!(out, "{:02}", exp.unsigned_abs());
}

pub(crate) fn push_repeated(out: &mut String, c: char, n: usize) {
    out.extend(std::iter::repeat_n(c, n));
}

/// The shortest round-trip decimal digits of a positive finite float, without
/// allocating: `digits()` is `d1 d2 … dn` (no leading or trailing zeros except for the
/// single digit `0` of zero) and the value is `d1.d2…dn × 10^exp`.
pub(crate) struct ShortestDigits {
    buf: [u8; 24],
    len: usize,
    /// The decimal exponent of the first digit.
    pub(crate) exp: i32,
}

impl ShortestDigits {
    /// Computes the digits of `x`, which must be finite and non-negative.
    pub(crate) fn of(x: f64) -> ShortestDigits {
        if !x.is_finite() || x <= 0.0 {
            return ShortestDigits::of_std(x);
        }
        let mut buf = zmij::Buffer::new();
        let res = ShortestDigits::parse(buf.format_finite(x).as_bytes());
        // A tie needs two shortest strings in the rounding interval (at most one unit in
        // the last place of `x` wide, below `x × 2^-52`), so digits `10^-n` apart with
        // `10^n > 2^52`: 16 digits or more. Zmij breaks it toward the even digit.
        let last = res.buf[res.len - 1];
        if res.len >= 16 && last.is_multiple_of(2) && res.is_tie(x) {
            return ShortestDigits::of_std(x);
        }
        res
    }

    /// The digits of a float's text written in fixed (`0.00123`, `1230000.0`) or
    /// scientific (`1.23e+45`, `5e-7`) notation, without sign.
    fn parse(text: &[u8]) -> ShortestDigits {
        let mut res = ShortestDigits { buf: [0; 24], len: 0, exp: 0 };
        // Digits before the point (or before `e`), leading zeros skipped.
        let mut int_len: i32 = 0;
        let mut leading: i32 = 0;
        let mut seen_point = false;
        let mut i = 0;
        while i < text.len() && text[i] != b'e' {
            let b = text[i];
            if b == b'.' {
                seen_point = true;
            } else if b.is_ascii_digit() {
                if !seen_point {
                    int_len += 1;
                }
                if b == b'0' && res.len == 0 {
                    leading += 1;
                } else if res.len < res.buf.len() {
                    res.buf[res.len] = b;
                    res.len += 1;
                }
            }
            i += 1;
        }
        while res.len > 1 && res.buf[res.len - 1] == b'0' {
            res.len -= 1;
        }
        let mut exp: i32 = 0;
        let mut neg = false;
        for &b in text.get(i + 1..).unwrap_or(&[]) {
            match b {
                b'-' => neg = true,
                b'0'..=b'9' => exp = exp * 10 + i32::from(b - b'0'),
                _ => {}
            }
        }
        res.exp = if neg { -exp } else { exp } + int_len - 1 - leading;
        if res.len == 0 {
            res.buf[0] = b'0';
            res.len = 1;
            res.exp = 0;
        }
        res
    }

    /// Whether `x` (positive, finite) is exactly halfway between these digits and the
    /// next larger digit string of the same length: `x == (D + 0.5) × 10^k`, with `D` the
    /// digits as an integer and `k` the exponent of the last one. Exact: with `x = m × 2^e`
    /// (`m` odd) and `T = 10 D + 5` (odd), `x == T × 10^(k-1)` holds exactly when the odd
    /// parts and the powers of two agree.
    fn is_tie(&self, x: f64) -> bool {
        let mut d: u128 = 0;
        for &b in &self.buf[..self.len] {
            d = d * 10 + u128::from(b - b'0');
        }
        let t = d * 10 + 5;
        let j = self.exp - (self.len as i32 - 1) - 1;
        let bits = x.to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i32;
        let fraction = bits & ((1u64 << 52) - 1);
        let (mut m, mut e) =
            if biased == 0 { (fraction, -1074) } else { (fraction | (1 << 52), biased - 1075) };
        if m == 0 {
            return false;
        }
        let zeros = m.trailing_zeros();
        m >>= zeros;
        e += zeros as i32;
        if e != j {
            return false;
        }
        // x = m 2^e; T 10^j = T 5^j 2^j: for j >= 0, m == T 5^j; for j < 0, m 5^-j == T.
        let (small, big, power) =
            if j >= 0 { (u128::from(m), t, j as u32) } else { (t, u128::from(m), (-j) as u32) };
        match 5u128.checked_pow(power).and_then(|f| big.checked_mul(f)) {
            Some(product) => product == small,
            None => false,
        }
    }

    /// The digits of `{:e}` (Rust's own shortest digits): the reference, used at ties.
    pub(crate) fn of_std(x: f64) -> ShortestDigits {
        let mut w = StackWriter { buf: [0; 32], len: 0 };
        let mut res = ShortestDigits { buf: [0; 24], len: 0, exp: 0 };
        if write!(w, "{:e}", x).is_err() {
            // Not reachable: "{:e}" of an f64 is at most 24 bytes. Fall back to zero.
            res.buf[0] = b'0';
            res.len = 1;
            return res;
        }
        let text = &w.buf[..w.len];
        let mut i = 0;
        while i < text.len() && text[i] != b'e' {
            if text[i].is_ascii_digit() && res.len < res.buf.len() {
                res.buf[res.len] = text[i];
                res.len += 1;
            }
            i += 1;
        }
        let mut exp: i32 = 0;
        let mut neg = false;
        for &b in text.get(i + 1..).unwrap_or(&[]) {
            match b {
                b'-' => neg = true,
                b'0'..=b'9' => exp = exp * 10 + i32::from(b - b'0'),
                _ => {}
            }
        }
        res.exp = if neg { -exp } else { exp };
        if res.len == 0 {
            res.buf[0] = b'0';
            res.len = 1;
        }
        res
    }

    /// The digit string `d1 d2 … dn`.
    pub(crate) fn digits(&self) -> &str {
        // The buffer holds ASCII digits only.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("0")
    }
}

/// A fixed-size `fmt::Write` sink, so that short formatting needs no allocation.
struct StackWriter {
    buf: [u8; 32],
    len: usize,
}

impl std::fmt::Write for StackWriter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let bytes = s.as_bytes();
        let end = self.len + bytes.len();
        if end > self.buf.len() {
            return Err(std::fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(bytes);
        self.len = end;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
