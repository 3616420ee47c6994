//! Float text (spec §4.8): the display and literal form of a float.
//!
//! The digits are the shortest round-trip digits produced by Rust's `{:e}` formatting;
//! the layout (fixed notation when the decimal exponent is in `-4..16`, scientific
//! notation otherwise) is the one of Python's `repr(float)`.

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
