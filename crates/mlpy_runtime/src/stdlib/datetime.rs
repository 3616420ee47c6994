//! `datetime` (spec §12.8): naive local date-times with microsecond resolution, dates,
//! times of day and time deltas, as the library objects `DateTimeObject`, `Date`, `Time`
//! and `TimeDelta`.
//!
//! * `datetime/civil.rs` — the calendar (ordinals, Python's `timedelta` rules, ISO text,
//!   the local time zone through `jiff`);
//! * `datetime/strftime.rs` — `DateTimeObject.format`;
//! * `datetime/classes.rs` — the four classes and their methods.
//!
//! Python's `datetime` is the reference where the spec is silent: a delta is normalised
//! to days + seconds (0–86399) + microseconds, fractional units and `multiply` by a float
//! round half to even to a microsecond, `timestamp()` of a local time that a clock shift
//! repeats or skips takes the offset before the shift. Invalid components or texts raise
//! `ValueError`; arithmetic whose result leaves years 1–9999 (or a delta beyond
//! ±999,999,999 days) raises `OverflowError`, as Python does. The local time zone is
//! `TZ`, else `/etc/localtime`, else UTC.

mod civil;
mod classes;
mod strftime;

use num_integer::Integer;
use num_traits::ToPrimitive;

use super::{no_constants, ModuleDecl};
use crate::dict::Dict;
use crate::error::{value_error, Result};
use crate::natives::{int_arg, opt, req, Kinds, NativeDecl, Param};
use crate::value::Value;
use crate::vm::Vm;
use civil::{MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE, MICROS_PER_SECOND};
use classes::{date_value, datetime_value, delta_value, moment_arg, time_value, Moment};


pub(super) static MODULE: ModuleDecl = ModuleDecl::new(
    "datetime",
    "naive local date-times, dates, times and time deltas (microsecond resolution)",
    FUNCTIONS,
    no_constants,
);

const INT: Kinds = Kinds::INT;
const NUM: Kinds = Kinds::NUMBER;
const LIB: Kinds = Kinds::LIBRARY;
const DT: Param = req("dt", LIB);

#[rustfmt::skip]
static FUNCTIONS: &[NativeDecl] = &[
    NativeDecl::function("now", &[opt("tz", Kinds::ANY, "null")], "a DateTimeObject for the current local time; with tz given and not null, the current UTC time", now),
    NativeDecl::function("today", &[], "a Date for the current local date", today),
    NativeDecl::function("create", &[req("y", INT), req("mo", INT), req("d", INT), opt("h", INT, "0"), opt("mi", INT, "0"), opt("s", INT, "0")], "a DateTimeObject (invalid components: ValueError)", create),
    NativeDecl::function("createDate", &[req("y", INT), req("mo", INT), req("d", INT)], "a Date (invalid components: ValueError)", create_date),
    NativeDecl::function("createTime", &[opt("h", INT, "0"), opt("mi", INT, "0"), opt("s", INT, "0"), opt("us", INT, "0")], "a Time (invalid components: ValueError)", create_time),
    NativeDecl::function("createDelta", &[opt("days", NUM, "0"), opt("hours", NUM, "0"), opt("minutes", NUM, "0"), opt("seconds", NUM, "0")], "a TimeDelta of the sum of the units", create_delta),
    NativeDecl::function("createTimeZone", &[req("h", INT), opt("m", INT, "0"), opt("name", Kinds::STR, "\"\"")], "{hours, minutes, name}; an empty name becomes UTC+H:MM (hours -23 to 23, minutes 0 to 59)", create_time_zone),
    NativeDecl::function("fromTimestamp", &[req("ts", NUM)], "the local DateTimeObject of the Unix time ts (seconds)", from_timestamp),
    NativeDecl::function("from_timestamp", &[req("ts", NUM)], "the local DateTimeObject of the Unix time ts (seconds)", from_timestamp),
    NativeDecl::function("parseISO", &[req("s", Kinds::STR)], "a DateTimeObject from YYYY-MM-DD[(T| )HH:MM[:SS[.ffffff]]] (other text: ValueError)", parse_iso),
    NativeDecl::function("daysInMonth", &[req("y", INT), req("m", INT)], "the number of days in month m of year y (m outside 1-12: ValueError)", days_in_month),
    NativeDecl::function("days_in_month", &[req("y", INT), req("m", INT)], "the number of days in month m of year y (m outside 1-12: ValueError)", days_in_month),
    NativeDecl::function("isLeapYear", &[req("y", INT)], "whether y is a Gregorian leap year", is_leap_year),
    NativeDecl::function("isWeekend", &[DT], "whether dt (a DateTimeObject or a Date) is a Saturday or a Sunday", is_weekend),
    NativeDecl::function("is_weekend", &[DT], "whether dt (a DateTimeObject or a Date) is a Saturday or a Sunday", is_weekend),
    NativeDecl::function("isWeekday", &[DT], "whether dt (a DateTimeObject or a Date) is a Monday to Friday", is_weekday),
    NativeDecl::function("is_weekday", &[DT], "whether dt (a DateTimeObject or a Date) is a Monday to Friday", is_weekday),
    NativeDecl::function("calculateAge", &[req("birth", LIB), opt("current", LIB.or(Kinds::NULL), "now")], "the completed years from birth to current (DateTimeObjects or Dates; null: now)", calculate_age),
    NativeDecl::function("calculate_age", &[req("birth", LIB), opt("current", LIB.or(Kinds::NULL), "now")], "the completed years from birth to current (DateTimeObjects or Dates; null: now)", calculate_age),
    NativeDecl::function("addBusinessDays", &[DT, req("n", INT)], "dt moved by n Monday-to-Friday days (steps in n's direction; n == 0 gives dt)", add_business_days),
    NativeDecl::function("add_business_days", &[DT, req("n", INT)], "dt moved by n Monday-to-Friday days (steps in n's direction; n == 0 gives dt)", add_business_days),
    NativeDecl::function("businessDaysBetween", &[req("a", LIB), req("b", LIB)], "the number of Monday-to-Friday dates from the earlier to the later date, both included", business_days_between),
    NativeDecl::function("business_days_between", &[req("a", LIB), req("b", LIB)], "the number of Monday-to-Friday dates from the earlier to the later date, both included", business_days_between),
    NativeDecl::function("utc", &[], "the string \"UTC\"", utc),
];

/// The optional int argument at `idx`, or 0.
fn int_or_zero(func: &str, args: &[Value], idx: usize) -> Result<i64> {
    args.get(idx).map_or(Ok(0), |v| int_arg(func, "an int", v))
}

fn now(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let (secs, micro) = civil::now_unix();
    let utc = !matches!(args.first(), None | Some(Value::Null));
    let tz = if utc { jiff::tz::TimeZone::UTC } else { civil::local_zone() };
    let micros = civil::from_unix(&tz, secs, micro)
        .ok_or_else(|| value_error("`datetime.now`: the clock is outside years 1 to 9999"))?;
    Ok(datetime_value(micros))
}

/// The current local date's ordinal.
fn today_ordinal() -> Result<i64> {
    let (secs, micro) = civil::now_unix();
    civil::from_unix(&civil::local_zone(), secs, micro)
        .map(civil::ordinal_of)
        .ok_or_else(|| value_error("`datetime.today`: the clock is outside years 1 to 9999"))
}

fn today(_: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(date_value(today_ordinal()?))
}

fn create(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let func = "datetime.create";
    let ordinal = civil::checked_date(
        func,
        int_arg(func, "an int", &args[0])?,
        int_arg(func, "an int", &args[1])?,
        int_arg(func, "an int", &args[2])?,
    )?;
    let tod = civil::checked_time(
        func,
        int_or_zero(func, args, 3)?,
        int_or_zero(func, args, 4)?,
        int_or_zero(func, args, 5)?,
        0,
    )?;
    Ok(datetime_value(civil::micros_of(ordinal, tod)))
}

fn create_date(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let func = "datetime.createDate";
    let ordinal = civil::checked_date(
        func,
        int_arg(func, "an int", &args[0])?,
        int_arg(func, "an int", &args[1])?,
        int_arg(func, "an int", &args[2])?,
    )?;
    Ok(date_value(ordinal))
}

fn create_time(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let func = "datetime.createTime";
    let tod = civil::checked_time(
        func,
        int_or_zero(func, args, 0)?,
        int_or_zero(func, args, 1)?,
        int_or_zero(func, args, 2)?,
        int_or_zero(func, args, 3)?,
    )?;
    Ok(time_value(tod))
}

fn create_delta(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let mut b = civil::DeltaBuilder::new("datetime.createDelta");
    // Python's order: the smallest unit first.
    for (idx, factor) in [(3, MICROS_PER_SECOND), (2, MICROS_PER_MINUTE), (1, MICROS_PER_HOUR), (0, MICROS_PER_DAY)] {
        if let Some(v) = args.get(idx) {
            b.add(v, factor)?;
        }
    }
    Ok(delta_value(b.finish()?))
}

fn create_time_zone(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let func = "datetime.createTimeZone";
    let hours = int_arg(func, "an int", &args[0])?;
    let minutes = int_or_zero(func, args, 1)?;
    if !(-23..=23).contains(&hours) {
        return Err(value_error(format!("`{func}`: hours {hours} is out of range (-23 to 23)")));
    }
    if !(0..=59).contains(&minutes) {
        return Err(value_error(format!(
            "`{func}`: minutes {minutes} is out of range (0 to 59; the sign of the offset goes on the hours)"
        )));
    }
    let name = match args.get(2) {
        Some(Value::Str(s)) if !s.as_str().is_empty() => s.as_str().to_owned(),
        _ => format!("UTC{}{}:{minutes:02}", if hours < 0 { '-' } else { '+' }, hours.abs()),
    };
    let mut dict = Dict::with_capacity(3);
    dict.insert_str("hours", Value::Int(hours));
    dict.insert_str("minutes", Value::Int(minutes));
    dict.insert_str("name", Value::string(name));
    Ok(Value::object(dict))
}

fn from_timestamp(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let func = "datetime.fromTimestamp";
    let split = match &args[0] {
        Value::Int(i) => Some((*i, 0)),
        Value::BigInt(b) => b.to_i64().map(|i| (i, 0)),
        Value::Float(x) => civil::split_timestamp(*x),
        _ => None,
    };
    let micros = split.and_then(|(secs, micro)| civil::from_unix(&civil::local_zone(), secs, micro));
    micros.map(datetime_value).ok_or_else(|| {
        value_error(format!(
            "`{func}`: timestamp {} is outside the supported dates (years 1 to 9999)",
            crate::display::display(&args[0])
        ))
    })
}

fn parse_iso(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let Value::Str(s) = &args[0] else { unreachable!("declared as a string") };
    Ok(datetime_value(civil::parse_iso("datetime.parseISO", s.as_str())?))
}

/// Whether the int `v` is a Gregorian leap year (ints of any size).
fn leap(v: &Value) -> bool {
    match v {
        Value::Int(y) => civil::is_leap(*y),
        Value::BigInt(b) => {
            let rem = |d: u32| b.mod_floor(&num_bigint::BigInt::from(d)).to_u32().unwrap_or(1);
            rem(4) == 0 && (rem(100) != 0 || rem(400) == 0)
        }
        _ => false,
    }
}

fn days_in_month(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let func = "datetime.daysInMonth";
    let month = int_arg(func, "an int", &args[1])?;
    if !(1..=12).contains(&month) {
        return Err(value_error(format!("`{func}`: month {month} is out of range (1 to 12)")));
    }
    let days = if month == 2 && leap(&args[0]) { 29 } else { civil::days_in_month(1, month) };
    Ok(Value::Int(days))
}

fn is_leap_year(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(leap(&args[0])))
}

fn is_weekend(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let m = moment_arg("datetime.isWeekend", "dt", &args[0])?;
    Ok(Value::Bool(civil::weekday(m.ordinal()) >= 5))
}

fn is_weekday(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let m = moment_arg("datetime.isWeekday", "dt", &args[0])?;
    Ok(Value::Bool(civil::weekday(m.ordinal()) < 5))
}

fn calculate_age(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let func = "datetime.calculateAge";
    let birth = moment_arg(func, "birth", &args[0])?.ordinal();
    let current = match args.get(1) {
        None | Some(Value::Null) => today_ordinal()?,
        Some(v) => moment_arg(func, "current", v)?.ordinal(),
    };
    let (by, bm, bd) = civil::ordinal_to_ymd(birth);
    let (cy, cm, cd) = civil::ordinal_to_ymd(current);
    let mut age = cy - by;
    if (cm, cd) < (bm, bd) {
        age -= 1;
    }
    Ok(Value::Int(age))
}

/// The ordinal `|n|` Monday-to-Friday days after (n > 0) or before (n < 0) `ordinal`,
/// stepping one day at a time; whole weeks are skipped at once (7 days hold 5 weekdays).
fn business_day_ordinal(func: &str, ordinal: i64, n: i128) -> Result<i64> {
    if n == 0 {
        return Ok(ordinal);
    }
    let step: i64 = if n > 0 { 1 } else { -1 };
    let count = n.unsigned_abs();
    let weeks = (count - 1) / 5;
    let mut left = count - weeks * 5;
    let mut day = civil::shift_days(func, ordinal, i128::from(step) * 7 * weeks as i128)?;
    while left > 0 {
        day = civil::shift_days(func, day, i128::from(step))?;
        if civil::weekday(day) < 5 {
            left -= 1;
        }
    }
    Ok(day)
}

fn add_business_days(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let func = "datetime.addBusinessDays";
    let m = moment_arg(func, "dt", &args[0])?;
    let n = match &args[1] {
        Value::Int(i) => i128::from(*i),
        Value::BigInt(b) => b.to_i128().unwrap_or(i128::MAX / 8),
        _ => 0,
    };
    if n == 0 {
        return Ok(args[0].clone());
    }
    let day = business_day_ordinal(func, m.ordinal(), n)?;
    Ok(match m {
        Moment::DateTime(micros) => datetime_value(civil::micros_of(day, civil::time_of(micros))),
        Moment::Date(_) => date_value(day),
    })
}

/// Monday-to-Friday days among ordinals 1..=n (ordinal 1 is a Monday).
fn weekdays_through(n: i64) -> i64 {
    n.div_euclid(7) * 5 + n.rem_euclid(7).min(5)
}

fn business_days_between(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let func = "datetime.businessDaysBetween";
    let a = moment_arg(func, "a", &args[0])?.ordinal();
    let b = moment_arg(func, "b", &args[1])?.ordinal();
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    Ok(Value::Int(weekdays_through(hi) - weekdays_through(lo - 1)))
}

fn utc(_: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(Value::str("UTC"))
}
