//! Calendar arithmetic for `datetime`: the proleptic Gregorian calendar of years 1–9999
//! with microsecond resolution, following Python's `datetime` (its ordinals, its
//! `timedelta` normalisation and rounding), plus the conversions to and from the local
//! time zone (through `jiff`).
//!
//! Representations (all plain integers, so arithmetic is integer arithmetic):
//! * a date is its *ordinal*: 0001-01-01 is day 1 (Python's `date.toordinal`);
//! * a date-time is the microseconds since 0001-01-01T00:00:00;
//! * a time of day is the microseconds since midnight;
//! * a time delta is a signed count of microseconds (`i128`: Python allows ±999,999,999
//!   days, which is more than an `i64` of microseconds holds).
//!
//! Range rules (Python's): components or texts outside the calendar raise `ValueError`;
//! arithmetic whose result leaves years 1–9999, or a delta beyond ±999,999,999 days,
//! raises `OverflowError`.

use num_traits::ToPrimitive;

use crate::error::{overflow_error, value_error, Result};
use crate::value::Value;

pub const MICROS_PER_SECOND: i64 = 1_000_000;
pub const MICROS_PER_MINUTE: i64 = 60 * MICROS_PER_SECOND;
pub const MICROS_PER_HOUR: i64 = 60 * MICROS_PER_MINUTE;
pub const MICROS_PER_DAY: i64 = 24 * MICROS_PER_HOUR;
pub const MAX_YEAR: i64 = 9999;
/// The ordinal of 9999-12-31.
pub const MAX_ORDINAL: i64 = 3_652_059;
/// The last microsecond of 9999-12-31.
pub const MAX_MICROS: i64 = MAX_ORDINAL * MICROS_PER_DAY - 1;
/// The largest magnitude of a delta's (floored) day count, as in Python.
pub const MAX_DELTA_DAYS: i128 = 999_999_999;
/// The ordinal of 1970-01-01, the Unix epoch.
pub const EPOCH_ORDINAL: i64 = 719_163;

const DAYS_IN_MONTH: [i64; 13] = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAYS_BEFORE_MONTH: [i64; 13] = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/// The Gregorian leap-year rule (any year, proleptic).
pub fn is_leap(year: i64) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

/// Days in `month` (1–12) of `year`.
pub fn days_in_month(year: i64, month: i64) -> i64 {
    if month == 2 && is_leap(year) {
        29
    } else {
        DAYS_IN_MONTH[month as usize]
    }
}

/// Days before January 1 of `year` (Python's `_days_before_year`; floor division, so it
/// also holds for years below 1).
fn days_before_year(year: i64) -> i64 {
    let y = year - 1;
    y * 365 + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400)
}

fn days_before_month(year: i64, month: i64) -> i64 {
    DAYS_BEFORE_MONTH[month as usize] + i64::from(month > 2 && is_leap(year))
}

/// The ordinal of a valid date.
pub fn ymd_to_ordinal(year: i64, month: i64, day: i64) -> i64 {
    days_before_year(year) + days_before_month(year, month) + day
}

/// The date of an ordinal (Python's `_ord2ymd`).
pub fn ordinal_to_ymd(ordinal: i64) -> (i64, i64, i64) {
    const DI400Y: i64 = 146_097;
    const DI100Y: i64 = 36_524;
    const DI4Y: i64 = 1_461;
    let n = ordinal - 1;
    let (n400, n) = (n.div_euclid(DI400Y), n.rem_euclid(DI400Y));
    let mut year = n400 * 400 + 1;
    let (n100, n) = (n / DI100Y, n % DI100Y);
    let (n4, n) = (n / DI4Y, n % DI4Y);
    let (n1, n) = (n / 365, n % 365);
    year += n100 * 100 + n4 * 4 + n1;
    if n1 == 4 || n100 == 4 {
        return (year - 1, 12, 31);
    }
    let leap = n1 == 3 && (n4 != 24 || n100 == 3);
    let mut month = (n + 50) >> 5;
    let mut preceding = DAYS_BEFORE_MONTH[month as usize] + i64::from(month > 2 && leap);
    if preceding > n {
        month -= 1;
        preceding -= DAYS_IN_MONTH[month as usize] + i64::from(month == 2 && leap);
    }
    (year, month, n - preceding + 1)
}

/// Monday 0 … Sunday 6 (0001-01-01 was a Monday).
pub fn weekday(ordinal: i64) -> i64 {
    (ordinal + 6).rem_euclid(7)
}

/// The Monday of ISO week 1 of `year`.
fn iso_week1_monday(year: i64) -> i64 {
    let first = ymd_to_ordinal(year, 1, 1);
    let first_weekday = weekday(first);
    let monday = first - first_weekday;
    if first_weekday > 3 {
        monday + 7
    } else {
        monday
    }
}

/// The ISO 8601 year and week (1–53) of an ordinal (Python's `isocalendar`).
pub fn iso_year_week(ordinal: i64, year: i64) -> (i64, i64) {
    let mut year = year;
    let mut monday = iso_week1_monday(year);
    let mut week = (ordinal - monday).div_euclid(7);
    if week < 0 {
        year -= 1;
        monday = iso_week1_monday(year);
        week = (ordinal - monday).div_euclid(7);
    } else if week >= 52 && ordinal >= iso_week1_monday(year + 1) {
        year += 1;
        week = 0;
    }
    (year, week + 1)
}

/// The parts of a date-time, as formatting needs them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parts {
    pub year: i64,
    pub month: i64,
    pub day: i64,
    pub hour: i64,
    pub minute: i64,
    pub second: i64,
    pub micro: i64,
    pub ordinal: i64,
}

impl Parts {
    /// The parts of a date-time given in microseconds since 0001-01-01T00:00.
    pub fn of(micros: i64) -> Parts {
        let days = micros.div_euclid(MICROS_PER_DAY);
        let tod = micros.rem_euclid(MICROS_PER_DAY);
        let ordinal = days + 1;
        let (year, month, day) = ordinal_to_ymd(ordinal);
        let secs = tod / MICROS_PER_SECOND;
        Parts {
            year,
            month,
            day,
            hour: secs / 3600,
            minute: secs / 60 % 60,
            second: secs % 60,
            micro: tod % MICROS_PER_SECOND,
            ordinal,
        }
    }

    pub fn weekday(&self) -> i64 {
        weekday(self.ordinal)
    }

    /// Day of the year, 1–366.
    pub fn yday(&self) -> i64 {
        self.ordinal - ymd_to_ordinal(self.year, 1, 1) + 1
    }
}

/// The date-time of an ordinal and a time of day in microseconds.
pub fn micros_of(ordinal: i64, time_of_day: i64) -> i64 {
    (ordinal - 1) * MICROS_PER_DAY + time_of_day
}

/// The ordinal of a date-time.
pub fn ordinal_of(micros: i64) -> i64 {
    micros.div_euclid(MICROS_PER_DAY) + 1
}

/// The time of day of a date-time, in microseconds.
pub fn time_of(micros: i64) -> i64 {
    micros.rem_euclid(MICROS_PER_DAY)
}

// ----- validation -------------------------------------------------------------------------

/// Checks one component against its range: `ValueError` naming `func`, the component and
/// the range.
fn component(func: &str, what: &str, v: i64, lo: i64, hi: i64) -> Result<i64> {
    if (lo..=hi).contains(&v) {
        Ok(v)
    } else {
        Err(value_error(format!("`{func}`: {what} {v} is out of range ({lo} to {hi})")))
    }
}

/// The ordinal of a date given by components (`ValueError` for an invalid one).
pub fn checked_date(func: &str, year: i64, month: i64, day: i64) -> Result<i64> {
    component(func, "year", year, 1, MAX_YEAR)?;
    component(func, "month", month, 1, 12)?;
    let last = days_in_month(year, month);
    if !(1..=last).contains(&day) {
        return Err(value_error(format!(
            "`{func}`: day {day} is out of range for {year:04}-{month:02} (1 to {last})"
        )));
    }
    Ok(ymd_to_ordinal(year, month, day))
}

/// A time of day in microseconds from components (`ValueError` for an invalid one).
pub fn checked_time(func: &str, hour: i64, minute: i64, second: i64, micro: i64) -> Result<i64> {
    component(func, "hour", hour, 0, 23)?;
    component(func, "minute", minute, 0, 59)?;
    component(func, "second", second, 0, 59)?;
    component(func, "microsecond", micro, 0, 999_999)?;
    Ok(((hour * 60 + minute) * 60 + second) * MICROS_PER_SECOND + micro)
}

/// `OverflowError` for a result outside years 1–9999.
#[cold]
pub fn out_of_range(func: &str) -> crate::error::RuntimeError {
    overflow_error(format!("`{func}`: the result is outside the supported dates (years 1 to 9999)"))
}

/// A date-time moved by `delta` microseconds (`OverflowError` past the calendar).
pub fn shift(func: &str, micros: i64, delta: i128) -> Result<i64> {
    let r = i128::from(micros) + delta;
    if (0..=i128::from(MAX_MICROS)).contains(&r) {
        Ok(r as i64)
    } else {
        Err(out_of_range(func))
    }
}

/// A date moved by `days` (`OverflowError` past the calendar).
pub fn shift_days(func: &str, ordinal: i64, days: i128) -> Result<i64> {
    let r = i128::from(ordinal) + days;
    if (1..=i128::from(MAX_ORDINAL)).contains(&r) {
        Ok(r as i64)
    } else {
        Err(out_of_range(func))
    }
}

// ----- time deltas ------------------------------------------------------------------------

/// Checks a delta against Python's bound of ±999,999,999 days (`OverflowError`).
pub fn checked_delta(func: &str, micros: i128) -> Result<i128> {
    let days = micros.div_euclid(i128::from(MICROS_PER_DAY));
    if (-MAX_DELTA_DAYS..=MAX_DELTA_DAYS).contains(&days) {
        Ok(micros)
    } else {
        Err(overflow_error(format!(
            "`{func}`: the time delta of {days} days is too large (at most {MAX_DELTA_DAYS} days either way)"
        )))
    }
}

/// Builds a delta from numbers of units as Python's `timedelta(...)` constructor does:
/// whole parts exactly, fractional parts in float arithmetic, the leftover fraction of
/// a microsecond rounded half to even at the end. Feed the units from the smallest up
/// (Python's order: seconds, minutes, hours, days).
pub struct DeltaBuilder<'a> {
    func: &'a str,
    sum: i128,
    leftover: f64,
}

impl<'a> DeltaBuilder<'a> {
    pub fn new(func: &'a str) -> DeltaBuilder<'a> {
        DeltaBuilder { func, sum: 0, leftover: 0.0 }
    }

    #[cold]
    fn too_large(&self) -> crate::error::RuntimeError {
        overflow_error(format!(
            "`{}`: the time delta is too large (at most {MAX_DELTA_DAYS} days either way)",
            self.func
        ))
    }

    /// Adds `v` (a number, checked by the declaration) units of `factor` microseconds.
    pub fn add(&mut self, v: &Value, factor: i64) -> Result<()> {
        let factor128 = i128::from(factor);
        match v {
            Value::Int(i) => {
                self.sum = i128::from(*i)
                    .checked_mul(factor128)
                    .and_then(|p| self.sum.checked_add(p))
                    .ok_or_else(|| self.too_large())?;
            }
            Value::BigInt(b) => {
                let p = b.to_i128().and_then(|i| i.checked_mul(factor128));
                self.sum =
                    p.and_then(|p| self.sum.checked_add(p)).ok_or_else(|| self.too_large())?;
            }
            Value::Float(x) => {
                let x = *x;
                if x.is_nan() {
                    return Err(value_error(format!("`{}`: NaN is not a number of units", self.func)));
                }
                // Beyond this, no result fits (and the conversion to i128 would not be exact).
                if x.abs() >= 1e30 {
                    return Err(self.too_large());
                }
                let int_part = x.trunc();
                let frac = x - int_part;
                self.sum = (int_part as i128)
                    .checked_mul(factor128)
                    .and_then(|p| self.sum.checked_add(p))
                    .ok_or_else(|| self.too_large())?;
                if frac != 0.0 {
                    let scaled = factor as f64 * frac;
                    let whole = scaled.trunc();
                    self.sum += whole as i128;
                    self.leftover += scaled - whole;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The delta in microseconds, checked against Python's bound.
    pub fn finish(self) -> Result<i128> {
        let mut sum = self.sum;
        if self.leftover != 0.0 {
            let mut whole = self.leftover.round();
            if (whole - self.leftover).abs() == 0.5 {
                let odd = (sum & 1) as f64;
                whole = 2.0 * ((self.leftover + odd) * 0.5).round() - odd;
            }
            sum += whole as i128;
        }
        checked_delta(self.func, sum)
    }
}

/// A delta of `v` units of `factor` microseconds (`addDays(n)`: `timedelta(days=n)`).
pub fn delta_of(func: &str, v: &Value, factor: i64) -> Result<i128> {
    if let Value::Int(i) = v {
        // The common case, exactly; small enough amounts need no check of the bound.
        let micros = i128::from(*i) * i128::from(factor);
        // (Every unit divides a day.)
        let surely_within = (MAX_DELTA_DAYS as u64).saturating_mul((MICROS_PER_DAY / factor.max(1)) as u64);
        if i.unsigned_abs() <= surely_within {
            return Ok(micros);
        }
        return checked_delta(func, micros);
    }
    let mut b = DeltaBuilder::new(func);
    b.add(v, factor)?;
    b.finish()
}

/// `delta * factor` as Python computes `timedelta * int` (exactly) and `timedelta * float`
/// (the float's exact ratio, rounded half to even to a microsecond).
pub fn multiply(func: &str, micros: i128, factor: &Value) -> Result<i128> {
    let too_large = || {
        overflow_error(format!(
            "`{func}`: the time delta is too large (at most {MAX_DELTA_DAYS} days either way)"
        ))
    };
    match factor {
        Value::Int(k) => checked_delta(func, micros.checked_mul(i128::from(*k)).ok_or_else(too_large)?),
        Value::BigInt(b) => {
            if micros == 0 {
                return Ok(0);
            }
            let k = b.to_i128().ok_or_else(too_large)?;
            checked_delta(func, micros.checked_mul(k).ok_or_else(too_large)?)
        }
        Value::Float(x) => {
            let x = *x;
            if x.is_nan() {
                return Err(value_error(format!("`{func}`: cannot multiply a time delta by NaN")));
            }
            if x.is_infinite() {
                return Err(overflow_error(format!(
                    "`{func}`: cannot multiply a time delta by an infinite float"
                )));
            }
            if micros == 0 || x == 0.0 {
                return Ok(0);
            }
            // x = mantissa * 2^exp exactly, with a 53-bit mantissa.
            let bits = x.abs().to_bits();
            let raw_exp = ((bits >> 52) & 0x7ff) as i32;
            let (mantissa, exp) = if raw_exp == 0 {
                ((bits & ((1 << 52) - 1)) as i128, -1074)
            } else {
                (((bits & ((1 << 52) - 1)) | (1 << 52)) as i128, raw_exp - 1075)
            };
            let mantissa = if x < 0.0 { -mantissa } else { mantissa };
            // |micros| < 2^67 and |mantissa| < 2^53: the product fits.
            let product = micros * mantissa;
            let result = if exp >= 0 {
                if exp >= 64 {
                    return Err(too_large());
                }
                product.checked_mul(1i128 << exp).ok_or_else(too_large)?
            } else {
                div_round_half_even(product, -exp)
            };
            checked_delta(func, result)
        }
        _ => Ok(micros),
    }
}

/// `n / 2^shift` rounded half to even.
fn div_round_half_even(n: i128, shift: i32) -> i128 {
    if shift >= 127 {
        // |n| < 2^126: the quotient is below one half.
        return 0;
    }
    let q = n >> shift; // floor
    let r = n - (q << shift); // 0 <= r < 2^shift
    let half = 1i128 << (shift - 1);
    if r > half || (r == half && q & 1 == 1) {
        q + 1
    } else {
        q
    }
}

/// `n / d` (d > 0) as the float nearest to the exact quotient (ties to even), as
/// Python's true division of two ints gives it.
pub fn div_to_f64(n: i128, d: i128) -> f64 {
    debug_assert!(d > 0);
    if n.unsigned_abs() < (1u128 << 53) && d < (1i128 << 53) {
        // Both exact as floats: one correctly rounded division.
        return n as f64 / d as f64;
    }
    let a = n.unsigned_abs();
    let d = d as u128;
    let a_bits = 128 - a.leading_zeros() as i32;
    let d_bits = 128 - d.leading_zeros() as i32;
    // Enough quotient bits (at least 56) that a sticky bit below them decides ties.
    let shift = (56 + d_bits - a_bits).max(0);
    let num = a << shift;
    let q = num / d;
    let sticky = u128::from(!num.is_multiple_of(d));
    let v = (q | sticky) as f64 * 2f64.powi(-shift);
    if n < 0 {
        -v
    } else {
        v
    }
}

/// `timedelta.total_seconds()`.
pub fn total_seconds(micros: i128) -> f64 {
    div_to_f64(micros, i128::from(MICROS_PER_SECOND))
}

// ----- ISO 8601 text ------------------------------------------------------------------------

/// Parses `YYYY-MM-DD`, optionally followed by `T` or a space and `HH:MM[:SS[.ffffff]]`
/// (1 to 6 fraction digits) into a date-time (`ValueError` for anything else).
pub fn parse_iso(func: &str, text: &str) -> Result<i64> {
    let bad = |why: &str| {
        value_error(format!(
            "`{func}`: {text:?} is not an ISO 8601 date-time ({why}; expected \
             YYYY-MM-DD, optionally followed by T or a space and HH:MM[:SS[.ffffff]])"
        ))
    };
    let b = text.as_bytes();
    let digits = |at: usize, n: usize| -> Option<i64> {
        let s = b.get(at..at + n)?;
        s.iter().all(u8::is_ascii_digit).then(|| s.iter().fold(0, |acc, d| acc * 10 + i64::from(d - b'0')))
    };
    let sep = |at: usize, c: u8| b.get(at) == Some(&c);
    let (Some(year), true, Some(month), true, Some(day)) =
        (digits(0, 4), sep(4, b'-'), digits(5, 2), sep(7, b'-'), digits(8, 2))
    else {
        return Err(bad("the date must be YYYY-MM-DD"));
    };
    let ordinal = checked_date(func, year, month, day)?;
    let mut tod = 0;
    if b.len() > 10 {
        if !matches!(b[10], b'T' | b' ') {
            return Err(bad("the date must be followed by T or a space"));
        }
        let (Some(hour), true, Some(minute)) = (digits(11, 2), sep(13, b':'), digits(14, 2)) else {
            return Err(bad("the time must be HH:MM"));
        };
        let mut at = 16;
        let mut second = 0;
        let mut micro = 0;
        if sep(at, b':') {
            second = digits(at + 1, 2).ok_or_else(|| bad("the seconds must be two digits"))?;
            at += 3;
            if sep(at, b'.') {
                let start = at + 1;
                let mut end = start;
                while end < b.len() && b[end].is_ascii_digit() {
                    end += 1;
                }
                let n = end - start;
                if !(1..=6).contains(&n) {
                    return Err(bad("the fraction of a second must have 1 to 6 digits"));
                }
                micro = digits(start, n).unwrap_or(0) * 10i64.pow(6 - n as u32);
                at = end;
            }
        }
        if at != b.len() {
            let rest = &text[at.min(text.len())..];
            let why = if rest.starts_with(['Z', '+', '-']) {
                "time-zone offsets are not supported: date-times are naive".to_owned()
            } else {
                format!("unexpected {rest:?} after the time")
            };
            return Err(bad(&why));
        }
        tod = checked_time(func, hour, minute, second, micro)?;
    }
    Ok(micros_of(ordinal, tod))
}

/// Writes `YYYY-MM-DD`.
pub fn write_iso_date(out: &mut String, p: &Parts) {
    push_num(out, p.year, 4);
    out.push('-');
    push_num(out, p.month, 2);
    out.push('-');
    push_num(out, p.day, 2);
}

/// Writes `YYYY-MM-DDTHH:MM:SS`, followed by `.ffffff` when the microseconds are not 0.
pub fn write_iso(out: &mut String, p: &Parts) {
    write_iso_date(out, p);
    out.push('T');
    push_num(out, p.hour, 2);
    out.push(':');
    push_num(out, p.minute, 2);
    out.push(':');
    push_num(out, p.second, 2);
    if p.micro != 0 {
        out.push('.');
        push_num(out, p.micro, 6);
    }
}

/// Writes a non-negative `v` with at least `width` digits, zero-padded.
pub fn push_num(out: &mut String, v: i64, width: usize) {
    push_padded(out, v, width, b'0');
}

/// Writes `v` with at least `width` characters, padded on the left with `pad`.
pub fn push_padded(out: &mut String, v: i64, width: usize, pad: u8) {
    // The common case of formatting: two digits.
    if (0..100).contains(&v) && width == 2 {
        let (tens, ones) = ((v / 10) as u8, (v % 10) as u8);
        out.push(if tens == 0 { pad as char } else { (b'0' + tens) as char });
        out.push((b'0' + ones) as char);
        return;
    }
    let mut buf = [0u8; 24];
    let mut i = buf.len();
    let mut n = v.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if v < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    for _ in buf.len() - i..width {
        out.push(pad as char);
    }
    for &b in &buf[i..] {
        out.push(b as char);
    }
}

// ----- the local time zone ----------------------------------------------------------------

/// The local time zone: `TZ`, else `/etc/localtime` (UTC when neither can be read).
pub fn local_zone() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::try_system().unwrap_or(jiff::tz::TimeZone::UTC)
}

/// The local date-time of the Unix time `secs` + `micro` µs in `tz`; `None` outside
/// years 1–9999.
pub fn from_unix(tz: &jiff::tz::TimeZone, secs: i64, micro: i64) -> Option<i64> {
    let ts = jiff::Timestamp::from_second(secs).ok()?;
    let dt = tz.to_datetime(ts);
    let year = i64::from(dt.year());
    if !(1..=MAX_YEAR).contains(&year) {
        return None;
    }
    let ordinal = ymd_to_ordinal(year, i64::from(dt.month()), i64::from(dt.day()));
    let tod = (i64::from(dt.hour()) * 3600 + i64::from(dt.minute()) * 60 + i64::from(dt.second()))
        * MICROS_PER_SECOND
        + micro;
    Some(micros_of(ordinal, tod))
}

/// The Unix time of the naive local date-time `micros` in `tz`, as Python's
/// `datetime.timestamp()` gives it: a time repeated by a backward shift is taken at its
/// first occurrence, a time skipped by a forward shift with the offset before the shift.
pub fn to_unix(tz: &jiff::tz::TimeZone, micros: i64) -> f64 {
    let p = Parts::of(micros);
    let civil = jiff::civil::DateTime::new(
        p.year as i16,
        p.month as i8,
        p.day as i8,
        p.hour as i8,
        p.minute as i8,
        p.second as i8,
        0,
    );
    let secs = match civil {
        Ok(dt) => tz.to_ambiguous_timestamp(dt).compatible().map(|ts| ts.as_second()).ok(),
        Err(_) => None,
    };
    // Years 1–9999 are always within jiff's range; the fallback is UTC.
    let secs = secs.unwrap_or_else(|| {
        (p.ordinal - EPOCH_ORDINAL) * 86_400 + p.hour * 3600 + p.minute * 60 + p.second
    });
    secs as f64 + p.micro as f64 / 1e6
}

/// The current time as Unix seconds and microseconds (floored, as Python's `now`).
pub fn now_unix() -> (i64, i64) {
    let us = jiff::Timestamp::now().as_microsecond();
    (us.div_euclid(MICROS_PER_SECOND), us.rem_euclid(MICROS_PER_SECOND))
}

/// Python's split of a float timestamp into seconds and microseconds, rounding the
/// microseconds half to even (`_PyTime_ObjectToTimeval` with `ROUND_HALF_EVEN`).
pub fn split_timestamp(ts: f64) -> Option<(i64, i64)> {
    if !ts.is_finite() {
        return None;
    }
    let int_part = ts.trunc();
    let mut frac = (ts - int_part) * 1e6;
    let mut rounded = frac.round();
    if (frac - rounded).abs() == 0.5 {
        rounded = 2.0 * (frac / 2.0).round();
    }
    frac = rounded;
    let mut secs = int_part;
    if frac >= 1e6 {
        frac -= 1e6;
        secs += 1.0;
    } else if frac < 0.0 {
        frac += 1e6;
        secs -= 1.0;
    }
    if secs.abs() >= 1e15 {
        return None;
    }
    Some((secs as i64, frac as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_round_trip_over_the_whole_calendar_and_agree_with_jiff() {
        let mut ordinal = 1;
        for year in 1..=MAX_YEAR {
            for month in 1..=12 {
                for day in 1..=days_in_month(year, month) {
                    assert_eq!(ymd_to_ordinal(year, month, day), ordinal);
                    assert_eq!(ordinal_to_ymd(ordinal), (year, month, day));
                    ordinal += 1;
                }
            }
        }
        assert_eq!(ordinal - 1, MAX_ORDINAL);
        // jiff as an independent oracle: every date, its weekday and the epoch.
        let mut date = jiff::civil::date(1, 1, 1);
        for ord in 1..=MAX_ORDINAL {
            let ymd = (i64::from(date.year()), i64::from(date.month()), i64::from(date.day()));
            assert_eq!(ordinal_to_ymd(ord), ymd);
            assert_eq!(weekday(ord), i64::from(date.weekday().to_monday_zero_offset()));
            if ord < MAX_ORDINAL {
                date = date.tomorrow().unwrap();
            }
        }
        let epoch = jiff::civil::date(1970, 1, 1).to_zoned(jiff::tz::TimeZone::UTC).unwrap();
        assert_eq!(epoch.timestamp().as_second(), 0);
        assert_eq!(ymd_to_ordinal(1970, 1, 1), EPOCH_ORDINAL);
    }

    #[test]
    fn iso_weeks_agree_with_jiff() {
        for ord in (1..MAX_ORDINAL).step_by(3) {
            let (y, m, d) = ordinal_to_ymd(ord);
            let iso = jiff::civil::date(y as i16, m as i8, d as i8).iso_week_date();
            assert_eq!(iso_year_week(ord, y), (i64::from(iso.year()), i64::from(iso.week())), "{y}-{m}-{d}");
        }
    }

    #[test]
    fn deltas_round_like_python() {
        // timedelta(seconds=0.5e-6) == timedelta(0), timedelta(seconds=1.5e-6) == 2 µs
        let f = |x: f64, factor: i64| delta_of("t", &Value::Float(x), factor).unwrap();
        assert_eq!(f(0.5e-6, MICROS_PER_SECOND), 0);
        assert_eq!(f(1.5e-6, MICROS_PER_SECOND), 2);
        assert_eq!(f(-1.5e-6, MICROS_PER_SECOND), -2);
        assert_eq!(f(1.5, MICROS_PER_DAY), 129_600_000_000);
        assert!(delta_of("t", &Value::Int(1_000_000_000), MICROS_PER_DAY).is_err());
        assert!(delta_of("t", &Value::Int(999_999_999), MICROS_PER_DAY).is_ok());
        assert!(delta_of("t", &Value::Float(f64::NAN), 1).is_err());
        // timedelta(microseconds=3) * 0.5 == 2 µs (half to even); * 2.5 == 8 (7.5 → 8)
        assert_eq!(multiply("m", 3, &Value::Float(0.5)).unwrap(), 2);
        assert_eq!(multiply("m", 3, &Value::Float(2.5)).unwrap(), 8);
        assert_eq!(multiply("m", 5, &Value::Float(0.5)).unwrap(), 2);
        assert_eq!(multiply("m", -5, &Value::Float(0.5)).unwrap(), -2);
        assert_eq!(multiply("m", 1, &Value::Float(1e-300)).unwrap(), 0);
    }

    #[test]
    fn quotients_are_correctly_rounded() {
        assert_eq!(div_to_f64(1, 3), 1.0 / 3.0);
        assert_eq!(div_to_f64(-7, 2), -3.5);
        // A value beyond 2^53 µs: 300 years of microseconds plus one.
        let n: i128 = 9_467_280_000_000_001;
        let exact = div_to_f64(n, 1_000_000);
        assert_eq!(exact, 9_467_280_000.000001);
        assert_eq!(div_to_f64(-n, 1_000_000), -9_467_280_000.000001);
    }

    #[test]
    fn iso_text_forms() {
        let p = |s: &str| parse_iso("p", s).map(|m| {
            let mut out = String::new();
            write_iso(&mut out, &Parts::of(m));
            out
        });
        assert_eq!(p("2024-02-29").unwrap(), "2024-02-29T00:00:00");
        assert_eq!(p("2024-02-29 13:05").unwrap(), "2024-02-29T13:05:00");
        assert_eq!(p("2024-02-29T13:05:09.5").unwrap(), "2024-02-29T13:05:09.500000");
        assert_eq!(p("0001-01-01T00:00:00.000001").unwrap(), "0001-01-01T00:00:00.000001");
        for bad in ["2023-02-29", "2024-2-29", "2024-02-29T", "2024-02-29T1:00", "2024-02-29Z",
                    "2024-02-29T10:00Z", "2024-02-29T10:00:00.1234567", "2024-02-29T24:00",
                    "", "20240229", "2024-02-29T10:00:0", "２０２４-02-29"] {
            assert!(p(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn timestamps_split_like_python() {
        assert_eq!(split_timestamp(1.5), Some((1, 500_000)));
        assert_eq!(split_timestamp(-1.5), Some((-2, 500_000)));
        assert_eq!(split_timestamp(0.0000005), Some((0, 0)));
        assert_eq!(split_timestamp(0.0000015), Some((0, 2)));
        assert_eq!(split_timestamp(f64::NAN), None);
    }

    #[test]
    fn local_time_follows_the_zone_given() {
        let tz = jiff::tz::TimeZone::posix("EST5EDT,M3.2.0,M11.1.0").unwrap();
        // 2024-03-10 02:30 does not exist in New York: taken with the offset before.
        let gap = micros_of(ymd_to_ordinal(2024, 3, 10), 2 * MICROS_PER_HOUR + 30 * MICROS_PER_MINUTE);
        assert_eq!(to_unix(&tz, gap), 1_710_055_800.0);
        // 2024-11-03 01:30 happens twice: the first (EDT).
        let fold = micros_of(ymd_to_ordinal(2024, 11, 3), MICROS_PER_HOUR + 30 * MICROS_PER_MINUTE);
        assert_eq!(to_unix(&tz, fold), 1_730_611_800.0);
        let back = from_unix(&tz, 1_730_611_800, 25).unwrap();
        assert_eq!(back, fold + 25);
        assert_eq!(from_unix(&tz, -62_135_596_800 - 86_400, 0), None);
    }
}
