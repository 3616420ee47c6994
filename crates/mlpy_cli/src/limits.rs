//! The values of the limit options: `--timeout SECS`, `--max-memory SIZE` and
//! `--max-depth N`, checked when the command line is parsed (the ranges are in `run
//! --help` and README.md). Each error is the reason clap prints after the value.

use std::time::Duration;

/// The shortest `--timeout`: one millisecond.
pub const MIN_TIMEOUT_SECS: f64 = 0.001;
/// The longest `--timeout`: 30 days (a run longer than that wants no timeout at all).
pub const MAX_TIMEOUT_SECS: f64 = 2_592_000.0;
/// The smallest `--max-memory`: 1 KiB (a smaller figure is almost surely a forgotten unit).
pub const MIN_MEMORY: u64 = 1 << 10;
/// The largest `--max-memory`: 1024 TiB.
pub const MAX_MEMORY: u64 = 1 << 50;
/// The largest `--max-depth`.
pub const MAX_DEPTH: usize = 1_000_000;

/// A `--max-memory` value: bytes, and the text the user wrote (for messages).
#[derive(Clone, Debug, PartialEq)]
pub struct Size {
    pub bytes: u64,
    pub text: String,
}

/// Seconds, decimals allowed; finite, from `MIN_TIMEOUT_SECS` to `MAX_TIMEOUT_SECS`.
pub fn parse_timeout(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    // Only plain decimal numbers: Rust's float syntax also takes `inf`, `nan`, `infinity`.
    let plain = !t.is_empty()
        && t.trim_start_matches(['+', '-'])
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'));
    let secs: f64 = match t.parse() {
        Ok(v) if plain => v,
        _ => return Err("expected a number of seconds, such as 30 or 0.5".into()),
    };
    if !secs.is_finite() || secs < MIN_TIMEOUT_SECS {
        return Err(format!(
            "the timeout must be at least {MIN_TIMEOUT_SECS} seconds (leave out --timeout for \
             no time limit)"
        ));
    }
    if secs > MAX_TIMEOUT_SECS {
        return Err(format!(
            "the timeout can be at most {MAX_TIMEOUT_SECS} seconds (30 days; leave out \
             --timeout for no time limit)"
        ));
    }
    Ok(Duration::from_secs_f64(secs))
}

/// A size: a whole or decimal number, then an optional unit (any case): `B`; binary `K`,
/// `KiB`, `M`, `MiB`, `G`, `GiB`, `T`, `TiB`; decimal `KB`, `MB`, `GB`, `TB`. The result
/// must be a whole number of bytes from `MIN_MEMORY` to `MAX_MEMORY`.
pub fn parse_size(s: &str) -> Result<Size, String> {
    let text = s.trim();
    let bad = || {
        "expected a size such as 512M, 64MB or 2GiB (units: B; K, M, G, T and KiB, MiB, GiB, \
         TiB = powers of 1024; KB, MB, GB, TB = powers of 1000)"
            .to_owned()
    };
    let split = text.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let mult: u64 = match unit.trim_start().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        "t" | "tib" => 1 << 40,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        "tb" => 1_000_000_000_000,
        _ => return Err(bad()),
    };
    let (whole, frac) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty() && frac.is_empty()
        || !whole.chars().chain(frac.chars()).all(|c| c.is_ascii_digit())
    {
        return Err(bad());
    }
    let too_big = || format!("the limit can be at most 1024T ({MAX_MEMORY} bytes)");
    // Exact arithmetic in u128: whole * mult + frac * mult / 10^len(frac).
    let whole: u128 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| too_big())? };
    let frac_digits = frac.trim_end_matches('0');
    if frac_digits.len() > 18 {
        return Err(bad());
    }
    let frac_value: u128 =
        if frac_digits.is_empty() { 0 } else { frac_digits.parse().unwrap_or(0) };
    let scale = 10u128.pow(frac_digits.len() as u32);
    let frac_bytes = frac_value * mult as u128;
    if !frac_bytes.is_multiple_of(scale) {
        return Err(format!("`{text}` is not a whole number of bytes"));
    }
    let bytes = whole
        .checked_mul(mult as u128)
        .and_then(|b| b.checked_add(frac_bytes / scale))
        .ok_or_else(too_big)?;
    if bytes == 0 {
        return Err("the limit must be more than 0 (leave out --max-memory for the default)".into());
    }
    if bytes < MIN_MEMORY as u128 {
        return Err(format!(
            "the limit must be at least 1K ({MIN_MEMORY} bytes); did you forget the unit, as in \
             {text}M?"
        ));
    }
    if bytes > MAX_MEMORY as u128 {
        return Err(too_big());
    }
    Ok(Size { bytes: bytes as u64, text: text.to_owned() })
}

/// A whole number from 1 to `MAX_DEPTH`.
pub fn parse_depth(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let range = || format!("expected a whole number from 1 to {MAX_DEPTH}");
    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit()) {
        return Err(range());
    }
    match t.parse::<usize>() {
        Ok(n) if (1..=MAX_DEPTH).contains(&n) => Ok(n),
        _ => Err(range()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(s: &str) -> u64 {
        parse_size(s).unwrap_or_else(|e| panic!("{s}: {e}")).bytes
    }

    #[test]
    fn size_units() {
        assert_eq!(bytes("2048"), 2048);
        assert_eq!(bytes("2048B"), 2048);
        assert_eq!(bytes("512K"), 512 << 10);
        assert_eq!(bytes("512k"), 512 << 10);
        assert_eq!(bytes("512KiB"), 512 << 10);
        assert_eq!(bytes("512KB"), 512_000);
        assert_eq!(bytes("64M"), 64 << 20);
        assert_eq!(bytes("64MiB"), 64 << 20);
        assert_eq!(bytes("64mib"), 64 << 20);
        assert_eq!(bytes("64MB"), 64_000_000);
        assert_eq!(bytes("1G"), 1 << 30);
        assert_eq!(bytes("1GiB"), 1 << 30);
        assert_eq!(bytes("1GB"), 1_000_000_000);
        assert_eq!(bytes("2T"), 2 << 40);
        assert_eq!(bytes("1TB"), 1_000_000_000_000);
        assert_eq!(bytes("1.5G"), 3 << 29);
        assert_eq!(bytes("0.5M"), 1 << 19);
        assert_eq!(bytes(".5M"), 1 << 19);
        assert_eq!(bytes("64 M"), 64 << 20);
        assert_eq!(bytes("1024T"), MAX_MEMORY);
        assert_eq!(bytes("1K"), MIN_MEMORY);
        assert_eq!(parse_size(" 64M ").unwrap().text, "64M");
    }

    #[test]
    fn bad_sizes() {
        for s in [
            "",
            "0",
            "0M",
            "0.0G",
            "-1M",
            "+1M",
            "M",
            ".",
            "1.2.3M",
            "1e3",
            "12X",
            "64MX",
            "1,5G",
            "1025T",
            "1024.5T",
            "99999999999999999999999999999999999999999G",
            "100",
            "1023",
            "1.5",
            "0.1K",
        ] {
            assert!(parse_size(s).is_err(), "`{s}` was accepted");
        }
        assert!(parse_size("0").unwrap_err().contains("more than 0"));
        assert!(parse_size("100").unwrap_err().contains("100M"));
        assert!(parse_size("2000T").unwrap_err().contains("at most"));
    }

    #[test]
    fn timeouts() {
        assert_eq!(parse_timeout("1"), Ok(Duration::from_secs(1)));
        assert_eq!(parse_timeout("0.25"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_timeout("1e3"), Ok(Duration::from_secs(1000)));
        assert_eq!(parse_timeout("0.001"), Ok(Duration::from_millis(1)));
        for s in [
            "",
            "0",
            "-0",
            "-1",
            "1e30",
            "1e-9",
            "nan",
            "NaN",
            "inf",
            "+inf",
            "infinity",
            "1s",
            "2592000.5",
            "0x10",
            "1_000",
        ] {
            assert!(parse_timeout(s).is_err(), "`{s}` was accepted");
        }
        assert!(parse_timeout("1e30").unwrap_err().contains("at most"));
        assert!(parse_timeout("nan").unwrap_err().contains("seconds"));
    }

    #[test]
    fn depths() {
        assert_eq!(parse_depth("1"), Ok(1));
        assert_eq!(parse_depth("1000000"), Ok(MAX_DEPTH));
        for s in ["", "0", "-1", "+5", "1.0", "1e3", "1000001", "18446744073709551616"] {
            assert!(parse_depth(s).is_err(), "`{s}` was accepted");
        }
    }
}
