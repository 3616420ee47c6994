//! `DateTimeObject.format(fmt)`: strftime directives with English names, as CPython's
//! `strftime` gives them in the C locale on glibc, with two deliberate differences:
//! `%Y` and `%G` always have at least 4 digits (`0099`, as Python 3.13 made them on
//! Linux), and a directive this implementation does not know is a `ValueError` rather
//! than text passed through.
//!
//! Directives: `%a %A %b %B %c %C %d %D %e %f %F %g %G %h %H %I %j %k %l %m %M %n %p %P
//! %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%` (`%z` and `%Z` are empty: the
//! date-times are naive). Numeric directives accept glibc's flags `-` (no padding), `_`
//! (pad with spaces) and `0` (pad with zeros); `^` upper-cases the result of any
//! directive.

use super::civil::{iso_year_week, push_padded, Parts};
use crate::error::{value_error, Result};

const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The format of `format()` without an argument.
pub const DEFAULT: &str = "%Y-%m-%d %H:%M:%S";

/// Writes `p` formatted by `fmt` to `out`; `func` names the caller in errors.
pub fn strftime(func: &str, fmt: &str, p: &Parts, out: &mut String) -> Result<()> {
    let bytes = fmt.as_bytes();
    let mut i = 0;
    let mut literal = 0;
    while i < bytes.len() {
        if bytes[i] != b'%' {
            i += 1;
            continue;
        }
        out.push_str(&fmt[literal..i]);
        let start = i;
        i += 1;
        let flag = match bytes.get(i) {
            Some(&f @ (b'-' | b'_' | b'0' | b'^')) => {
                i += 1;
                Some(f)
            }
            _ => None,
        };
        let Some(&c) = bytes.get(i) else {
            return Err(value_error(format!(
                "`{func}`: the format {fmt:?} ends with an incomplete directive {:?} (write %% for a percent sign)",
                &fmt[start..]
            )));
        };
        i += 1;
        literal = i;
        let known = if flag == Some(b'^') {
            let mut piece = String::new();
            let known = directive(func, c, None, p, &mut piece)?;
            out.push_str(&piece.to_uppercase());
            known
        } else {
            directive(func, c, flag, p, out)?
        };
        if !known {
            let end = fmt[i - 1..].chars().next().map_or(i, |ch| i - 1 + ch.len_utf8());
            return Err(value_error(format!(
                "`{func}`: unknown directive {:?} in the format {fmt:?} (write %% for a percent sign)",
                &fmt[start..end]
            )));
        }
    }
    out.push_str(&fmt[literal..]);
    Ok(())
}

/// Writes a number with glibc's default padding (`pad` to `width`) unless `flag` changes it.
fn num(out: &mut String, v: i64, width: usize, pad: u8, flag: Option<u8>) {
    match flag {
        Some(b'-') => push_padded(out, v, 0, b'0'),
        Some(b'_') => push_padded(out, v, width, b' '),
        Some(b'0') => push_padded(out, v, width, b'0'),
        _ => push_padded(out, v, width, pad),
    }
}

fn hour12(h: i64) -> i64 {
    match h % 12 {
        0 => 12,
        x => x,
    }
}

/// Writes one directive `%c`; `false` when `c` is not a directive.
fn directive(func: &str, c: u8, flag: Option<u8>, p: &Parts, out: &mut String) -> Result<bool> {
    let wd = p.weekday() as usize;
    match c {
        b'Y' => num(out, p.year, 4, b'0', flag),
        b'm' => num(out, p.month, 2, b'0', flag),
        b'd' => num(out, p.day, 2, b'0', flag),
        b'H' => num(out, p.hour, 2, b'0', flag),
        b'M' => num(out, p.minute, 2, b'0', flag),
        b'S' => num(out, p.second, 2, b'0', flag),
        b'f' => num(out, p.micro, 6, b'0', flag),
        b'y' => num(out, p.year % 100, 2, b'0', flag),
        b'C' => num(out, p.year / 100, 2, b'0', flag),
        b'e' => num(out, p.day, 2, b' ', flag),
        b'I' => num(out, hour12(p.hour), 2, b'0', flag),
        b'k' => num(out, p.hour, 2, b' ', flag),
        b'l' => num(out, hour12(p.hour), 2, b' ', flag),
        b'j' => num(out, p.yday(), 3, b'0', flag),
        b'u' => num(out, wd as i64 + 1, 1, b'0', flag),
        b'w' => num(out, (wd as i64 + 1) % 7, 1, b'0', flag),
        b'U' => {
            // Weeks starting on Sunday; days before the first Sunday are week 0.
            let sunday_based = (wd as i64 + 1) % 7;
            num(out, (p.yday() - 1 + 7 - sunday_based) / 7, 2, b'0', flag);
        }
        b'W' => num(out, (p.yday() - 1 + 7 - wd as i64) / 7, 2, b'0', flag),
        b'G' | b'g' | b'V' => {
            let (iso_year, week) = iso_year_week(p.ordinal, p.year);
            match c {
                b'G' => num(out, iso_year, 4, b'0', flag),
                b'g' => num(out, iso_year % 100, 2, b'0', flag),
                _ => num(out, week, 2, b'0', flag),
            }
        }
        b'a' => out.push_str(&DAYS[wd][..3]),
        b'A' => out.push_str(DAYS[wd]),
        b'b' | b'h' => out.push_str(&MONTHS[p.month as usize - 1][..3]),
        b'B' => out.push_str(MONTHS[p.month as usize - 1]),
        b'p' => out.push_str(if p.hour < 12 { "AM" } else { "PM" }),
        b'P' => out.push_str(if p.hour < 12 { "am" } else { "pm" }),
        b'c' => strftime(func, "%a %b %e %H:%M:%S %Y", p, out)?,
        b'D' | b'x' => strftime(func, "%m/%d/%y", p, out)?,
        b'F' => strftime(func, "%Y-%m-%d", p, out)?,
        b'r' => strftime(func, "%I:%M:%S %p", p, out)?,
        b'R' => strftime(func, "%H:%M", p, out)?,
        b'T' | b'X' => strftime(func, "%H:%M:%S", p, out)?,
        b'n' => out.push('\n'),
        b't' => out.push('\t'),
        b'z' | b'Z' => {}
        b'%' => out.push('%'),
        _ => return Ok(false),
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::super::civil::{micros_of, ymd_to_ordinal, MICROS_PER_SECOND};
    use super::*;

    /// `f` applied to the date-time (y, mo, d) (h, mi, s, us).
    fn fmt(f: &str, date: (i64, i64, i64), time: (i64, i64, i64, i64)) -> String {
        let (y, mo, d) = date;
        let (h, mi, s, us) = time;
        let tod = ((h * 60 + mi) * 60 + s) * MICROS_PER_SECOND + us;
        let p = Parts::of(micros_of(ymd_to_ordinal(y, mo, d), tod));
        let mut out = String::new();
        strftime("f", f, &p, &mut out).unwrap();
        out
    }

    #[test]
    fn directives_match_cpython_in_the_c_locale() {
        // Expected texts from CPython 3.11's datetime.strftime on glibc.
        assert_eq!(
            fmt("%a %A %b %B %d %f %H %I %j %m %M %p %S %w %y %Y %%", (2025, 10, 5), (14, 30, 7, 42)),
            "Sun Sunday Oct October 05 000042 14 02 278 10 30 PM 07 0 25 2025 %"
        );
        assert_eq!(fmt("%c|%x|%X|%D|%F|%T|%R|%r", (2025, 10, 5), (4, 3, 2, 0)), "Sun Oct  5 04:03:02 2025|10/05/25|04:03:02|10/05/25|2025-10-05|04:03:02|04:03|04:03:02 AM");
        assert_eq!(fmt("%U %W %u %V %G %g %C %e %k %l", (2021, 1, 3), (0, 0, 0, 0)), "01 00 7 53 2020 20 20  3  0 12");
        assert_eq!(fmt("%-d/%-m %_H %^a %^B %0e", (2025, 3, 7), (9, 0, 0, 0)), "7/3  9 FRI MARCH 07");
        assert_eq!(fmt("%Y %G %F", (1, 1, 1), (0, 0, 0, 0)), "0001 0001 0001-01-01");
        assert_eq!(fmt("héllo %Y é", (2000, 1, 1), (0, 0, 0, 0)), "héllo 2000 é");
        assert_eq!(fmt("%z%Z", (2000, 1, 1), (0, 0, 0, 0)), "");
    }

    #[test]
    fn unknown_and_incomplete_directives_are_errors() {
        let p = Parts::of(0);
        for bad in ["%Q", "abc %", "%-", "%E", "%é"] {
            let mut out = String::new();
            assert!(strftime("f", bad, &p, &mut out).is_err(), "{bad}");
        }
    }
}
