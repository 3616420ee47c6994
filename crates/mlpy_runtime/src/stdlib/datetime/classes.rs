//! The library classes of `datetime` (spec §12.8): `DateTimeObject`, `Date`, `Time` and
//! `TimeDelta`, each holding one integer (see `civil.rs`). Every method with a name of
//! several words also has its snake-case alias (`addDays` / `add_days`).

use super::civil::{self, Parts, MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE, MICROS_PER_SECOND};
use super::strftime;
use crate::error::{type_error, Result};
use crate::natives::{opt, req, Kinds, NativeDecl, Param};
use crate::value::{LibraryClass, LibraryObject, Value};
use crate::vm::Vm;

/// A `DateTimeObject`: microseconds since 0001-01-01T00:00:00.
#[derive(Clone, Copy)]
pub(super) struct DateTimeData(pub i64);
/// A `Date`: its ordinal (0001-01-01 is 1).
#[derive(Clone, Copy)]
pub(super) struct DateData(pub i64);
/// A `Time`: microseconds since midnight.
#[derive(Clone, Copy)]
pub(super) struct TimeData(pub i64);
/// A `TimeDelta`: signed microseconds.
#[derive(Clone, Copy)]
pub(super) struct DeltaData(pub i128);

pub(super) fn datetime_value(micros: i64) -> Value {
    Value::Library(LibraryObject::new(&DATETIME_OBJECT, DateTimeData(micros), 0))
}

pub(super) fn date_value(ordinal: i64) -> Value {
    Value::Library(LibraryObject::new(&DATE, DateData(ordinal), 0))
}

pub(super) fn time_value(micros: i64) -> Value {
    Value::Library(LibraryObject::new(&TIME, TimeData(micros), 0))
}

pub(super) fn delta_value(micros: i128) -> Value {
    Value::Library(LibraryObject::new(&TIME_DELTA, DeltaData(micros), 0))
}

/// A date-time or a date argument: its ordinal and its time of day (0 for a date).
#[derive(Clone, Copy)]
pub(super) enum Moment {
    DateTime(i64),
    Date(i64),
}

impl Moment {
    pub(super) fn ordinal(self) -> i64 {
        match self {
            Moment::DateTime(m) => civil::ordinal_of(m),
            Moment::Date(o) => o,
        }
    }
}

/// The `TypeError` of an argument that is not of the library class expected.
#[cold]
fn wrong_class(func: &str, expected: &str, param: &str, got: &Value) -> crate::error::RuntimeError {
    type_error(format!("`{func}` expects {expected} for `{param}`, got {}", got.type_name()))
}

fn data<T: 'static + Copy>(v: &Value) -> Option<T> {
    match v {
        Value::Library(o) => o.data::<T>().copied(),
        _ => None,
    }
}

/// A `DateTimeObject` argument.
pub(super) fn datetime_arg(func: &str, param: &str, v: &Value) -> Result<i64> {
    data::<DateTimeData>(v).map(|d| d.0).ok_or_else(|| wrong_class(func, "a DateTimeObject", param, v))
}

/// A `DateTimeObject` or `Date` argument.
pub(super) fn moment_arg(func: &str, param: &str, v: &Value) -> Result<Moment> {
    if let Some(d) = data::<DateTimeData>(v) {
        return Ok(Moment::DateTime(d.0));
    }
    if let Some(d) = data::<DateData>(v) {
        return Ok(Moment::Date(d.0));
    }
    Err(wrong_class(func, "a DateTimeObject or a Date", param, v))
}

fn date_arg(func: &str, param: &str, v: &Value) -> Result<i64> {
    data::<DateData>(v).map(|d| d.0).ok_or_else(|| wrong_class(func, "a Date", param, v))
}

fn delta_arg(func: &str, param: &str, v: &Value) -> Result<i128> {
    data::<DeltaData>(v).map(|d| d.0).ok_or_else(|| wrong_class(func, "a TimeDelta", param, v))
}

/// The receiver's data (the declarations put each method on its own class, so the
/// receiver is always of it).
fn this<T: 'static + Copy>(receiver: &Value, class: &str) -> Result<T> {
    data::<T>(receiver).ok_or_else(|| type_error(format!("a method of {class} needs a {class}")))
}

fn this_dt(receiver: &Value) -> Result<i64> {
    this::<DateTimeData>(receiver, "DateTimeObject").map(|d| d.0)
}

fn this_date(receiver: &Value) -> Result<i64> {
    this::<DateData>(receiver, "Date").map(|d| d.0)
}

fn this_time(receiver: &Value) -> Result<i64> {
    this::<TimeData>(receiver, "Time").map(|d| d.0)
}

fn this_delta(receiver: &Value) -> Result<i128> {
    this::<DeltaData>(receiver, "TimeDelta").map(|d| d.0)
}

// ----- DateTimeObject -----------------------------------------------------------------------

const N: Param = req("n", Kinds::NUMBER);
const OTHER: Param = req("other", Kinds::LIBRARY);
const DELTA: Param = req("delta", Kinds::LIBRARY);

/// A flat table of method declarations from `one(name, params, doc, f)` items and
/// `both(camelName, snake_name, params, doc, f)` items (a method and its snake-case alias).
macro_rules! methods {
    (@acc [$($out:expr,)*]) => { &[$($out,)*] };
    (@acc [$($out:expr,)*] one($name:literal, $params:expr, $doc:literal, $f:expr), $($rest:tt)*) => {
        methods!(@acc [$($out,)* NativeDecl::method($name, $params, $doc, $f),] $($rest)*)
    };
    (@acc [$($out:expr,)*] both($camel:literal, $snake:literal, $params:expr, $doc:literal, $f:expr), $($rest:tt)*) => {
        methods!(@acc [$($out,)* NativeDecl::method($camel, $params, $doc, $f), NativeDecl::method($snake, $params, $doc, $f),] $($rest)*)
    };
    ($($rest:tt)*) => { methods!(@acc [] $($rest)*) };
}

#[rustfmt::skip]
pub static DATETIME_OBJECT: LibraryClass = LibraryClass {
    name: "DateTimeObject",
    doc: "a naive local date-time with microsecond resolution (datetime.create, now, parseISO)",
    methods: methods!(
        one("format", &[opt("fmt", Kinds::STR, "\"%Y-%m-%d %H:%M:%S\"")], "the date-time written with strftime directives (English names)", dt_format),
        both("addDays", "add_days", &[N], "a new date-time n days later (n may be negative or fractional)", dt_add_days),
        both("addHours", "add_hours", &[N], "a new date-time n hours later", dt_add_hours),
        both("addMinutes", "add_minutes", &[N], "a new date-time n minutes later", dt_add_minutes),
        both("addSeconds", "add_seconds", &[N], "a new date-time n seconds later", dt_add_seconds),
        one("year", &[], "the year (1-9999)", dt_year),
        one("month", &[], "the month (1-12)", dt_month),
        one("day", &[], "the day of the month (1-31)", dt_day),
        one("hour", &[], "the hour (0-23)", dt_hour),
        one("minute", &[], "the minute (0-59)", dt_minute),
        one("second", &[], "the second (0-59)", dt_second),
        one("weekday", &[], "the day of the week, Monday 0 to Sunday 6", dt_weekday),
        one("timestamp", &[], "the Unix time (float seconds) of this local date-time", dt_timestamp),
        one("add", &[DELTA], "a new date-time moved by the TimeDelta delta", dt_add),
        one("subtract", &[DELTA], "a new date-time moved back by the TimeDelta delta", dt_subtract),
        one("diff", &[OTHER], "the TimeDelta self minus other", dt_diff),
        one("date", &[], "the Date of this date-time", dt_date),
        one("time", &[], "the Time of this date-time", dt_time),

        both("isBefore", "is_before", &[OTHER], "whether self is earlier than other", dt_is_before),
        both("isAfter", "is_after", &[OTHER], "whether self is later than other", dt_is_after),
        both("isSame", "is_same", &[OTHER], "whether self and other are the same instant", dt_is_same),
        both("isSameDay", "is_same_day", &[OTHER], "whether self falls on the date of other (a DateTimeObject or a Date)", dt_is_same_day),
        both("startOfDay", "start_of_day", &[], "00:00:00 of the same day", dt_start_of_day),
        both("endOfDay", "end_of_day", &[], "23:59:59.999999 of the same day", dt_end_of_day),
        both("startOfMonth", "start_of_month", &[], "00:00:00 of the first day of the month", dt_start_of_month),
        both("endOfMonth", "end_of_month", &[], "23:59:59.999999 of the last day of the month", dt_end_of_month),
        both("startOfYear", "start_of_year", &[], "00:00:00 of January 1", dt_start_of_year),
        both("endOfYear", "end_of_year", &[], "23:59:59.999999 of December 31", dt_end_of_year),
        both("toISOString", "to_iso_string", &[], "YYYY-MM-DDTHH:MM:SS, then .ffffff when the microseconds are not 0", dt_to_iso),
        both("toString", "to_string", &[], "the same text as toISOString", dt_to_iso),
    ),
    properties: &[],
};

fn parts(receiver: &Value) -> Result<Parts> {
    Ok(Parts::of(this_dt(receiver)?))
}

thread_local! {
    /// The text being formatted, reused: a short result is copied into its string value
    /// (inline up to 24 bytes), so formatting allocates nothing else.
    static TEXT: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The string value of the text `write` makes.
fn text_value(write: impl FnOnce(&mut String) -> Result<()>) -> Result<Value> {
    TEXT.with(|cell| {
        let Ok(mut buf) = cell.try_borrow_mut() else {
            let mut own = String::new();
            write(&mut own)?;
            return Ok(Value::string(own));
        };
        buf.clear();
        write(&mut buf)?;
        let v = Value::str(&buf);
        if buf.capacity() > 4096 {
            *buf = String::new();
        }
        Ok(v)
    })
}

fn dt_format(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    let p = parts(receiver)?;
    let fmt = match args.first() {
        Some(Value::Str(s)) => s.as_str(),
        _ => strftime::DEFAULT,
    };
    if fmt.len() > 1024 {
        // A directive writes at most 12 times its length (`%c`): reserve that first.
        crate::methods::check_result_size(fmt.len() as u64 * 12, "`DateTimeObject.format`")?;
    }
    text_value(|out| strftime::strftime("DateTimeObject.format", fmt, &p, out))
}

fn dt_to_iso(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    let p = parts(receiver)?;
    text_value(|out| {
        civil::write_iso(out, &p);
        Ok(())
    })
}

fn dt_year(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(parts(receiver)?.year))
}

fn dt_month(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(parts(receiver)?.month))
}

fn dt_day(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(parts(receiver)?.day))
}

fn dt_hour(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(civil::time_of(this_dt(receiver)?) / MICROS_PER_HOUR))
}

fn dt_minute(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(civil::time_of(this_dt(receiver)?) / MICROS_PER_MINUTE % 60))
}

fn dt_second(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(civil::time_of(this_dt(receiver)?) / MICROS_PER_SECOND % 60))
}

fn dt_weekday(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(civil::weekday(civil::ordinal_of(this_dt(receiver)?))))
}

fn dt_timestamp(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    let micros = this_dt(receiver)?;
    Ok(Value::Float(civil::to_unix(&civil::local_zone(), micros)))
}

/// `self` moved by `args[0]` units of `factor` microseconds.
fn add_units(receiver: &Value, args: &[Value], func: &str, factor: i64) -> Result<Value> {
    let micros = this_dt(receiver)?;
    let delta = civil::delta_of(func, &args[0], factor)?;
    Ok(datetime_value(civil::shift(func, micros, delta)?))
}

fn dt_add_days(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    add_units(receiver, args, "DateTimeObject.addDays", MICROS_PER_DAY)
}

fn dt_add_hours(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    add_units(receiver, args, "DateTimeObject.addHours", MICROS_PER_HOUR)
}

fn dt_add_minutes(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    add_units(receiver, args, "DateTimeObject.addMinutes", MICROS_PER_MINUTE)
}

fn dt_add_seconds(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    add_units(receiver, args, "DateTimeObject.addSeconds", MICROS_PER_SECOND)
}

fn dt_add(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    let func = "DateTimeObject.add";
    let delta = delta_arg(func, "delta", &args[0])?;
    Ok(datetime_value(civil::shift(func, this_dt(receiver)?, delta)?))
}

fn dt_subtract(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    let func = "DateTimeObject.subtract";
    let delta = delta_arg(func, "delta", &args[0])?;
    Ok(datetime_value(civil::shift(func, this_dt(receiver)?, -delta)?))
}

fn dt_diff(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    let other = datetime_arg("DateTimeObject.diff", "other", &args[0])?;
    Ok(delta_value(i128::from(this_dt(receiver)?) - i128::from(other)))
}

fn dt_date(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(date_value(civil::ordinal_of(this_dt(receiver)?)))
}

fn dt_time(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(time_value(civil::time_of(this_dt(receiver)?)))
}

fn compare(receiver: &Value, args: &[Value], func: &str) -> Result<std::cmp::Ordering> {
    let other = datetime_arg(func, "other", &args[0])?;
    Ok(this_dt(receiver)?.cmp(&other))
}

fn dt_is_before(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(compare(receiver, args, "DateTimeObject.isBefore")?.is_lt()))
}

fn dt_is_after(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(compare(receiver, args, "DateTimeObject.isAfter")?.is_gt()))
}

fn dt_is_same(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(compare(receiver, args, "DateTimeObject.isSame")?.is_eq()))
}

fn dt_is_same_day(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    let other = moment_arg("DateTimeObject.isSameDay", "other", &args[0])?;
    Ok(Value::Bool(civil::ordinal_of(this_dt(receiver)?) == other.ordinal()))
}

/// The date-time at `tod` of the date `ordinal`.
fn at(ordinal: i64, tod: i64) -> Value {
    datetime_value(civil::micros_of(ordinal, tod))
}

const END_OF_DAY: i64 = MICROS_PER_DAY - 1;

fn dt_start_of_day(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(at(civil::ordinal_of(this_dt(receiver)?), 0))
}

fn dt_end_of_day(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(at(civil::ordinal_of(this_dt(receiver)?), END_OF_DAY))
}

fn dt_start_of_month(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    let p = parts(receiver)?;
    Ok(at(civil::ymd_to_ordinal(p.year, p.month, 1), 0))
}

fn dt_end_of_month(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    let p = parts(receiver)?;
    let last = civil::days_in_month(p.year, p.month);
    Ok(at(civil::ymd_to_ordinal(p.year, p.month, last), END_OF_DAY))
}

fn dt_start_of_year(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    let p = parts(receiver)?;
    Ok(at(civil::ymd_to_ordinal(p.year, 1, 1), 0))
}

fn dt_end_of_year(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    let p = parts(receiver)?;
    Ok(at(civil::ymd_to_ordinal(p.year, 12, 31), END_OF_DAY))
}

// ----- Date -----------------------------------------------------------------------------------

const DAYS_N: Param = req("n", Kinds::INT);

#[rustfmt::skip]
pub static DATE: LibraryClass = LibraryClass {
    name: "Date",
    doc: "a calendar date (datetime.createDate, today, DateTimeObject.date)",
    methods: methods!(
        one("year", &[], "the year (1-9999)", date_year),
        one("month", &[], "the month (1-12)", date_month),
        one("day", &[], "the day of the month (1-31)", date_day),
        one("weekday", &[], "the day of the week, Monday 0 to Sunday 6", date_weekday),
        one("diff", &[OTHER], "the int number of days from the Date other to self", date_diff),

        both("isWeekend", "is_weekend", &[], "whether the date is a Saturday or a Sunday", date_is_weekend),
        both("toISOString", "to_iso_string", &[], "YYYY-MM-DD", date_to_iso),
        both("addDays", "add_days", &[DAYS_N], "a new Date n days later (n an int, may be negative)", date_add_days),
        both("subtractDays", "subtract_days", &[DAYS_N], "a new Date n days earlier", date_subtract_days),
    ),
    properties: &[],
};

fn date_ymd(receiver: &Value) -> Result<(i64, i64, i64)> {
    Ok(civil::ordinal_to_ymd(this_date(receiver)?))
}

fn date_year(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(date_ymd(receiver)?.0))
}

fn date_month(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(date_ymd(receiver)?.1))
}

fn date_day(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(date_ymd(receiver)?.2))
}

fn date_weekday(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(civil::weekday(this_date(receiver)?)))
}

fn date_is_weekend(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Bool(civil::weekday(this_date(receiver)?) >= 5))
}

fn date_to_iso(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    let mut out = String::with_capacity(10);
    civil::write_iso_date(&mut out, &Parts::of(civil::micros_of(this_date(receiver)?, 0)));
    Ok(Value::string(out))
}

/// The int argument `n` as a day count (huge ints are out of range anyway).
fn day_count(v: &Value) -> i128 {
    match v {
        Value::Int(i) => i128::from(*i),
        Value::BigInt(b) => num_traits::ToPrimitive::to_i128(&***b).unwrap_or(i128::MAX / 2),
        _ => 0,
    }
}

fn date_add_days(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    let n = day_count(&args[0]);
    Ok(date_value(civil::shift_days("Date.addDays", this_date(receiver)?, n)?))
}

fn date_subtract_days(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    let n = day_count(&args[0]);
    Ok(date_value(civil::shift_days("Date.subtractDays", this_date(receiver)?, -n)?))
}

fn date_diff(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    let other = date_arg("Date.diff", "other", &args[0])?;
    Ok(Value::Int(this_date(receiver)? - other))
}

// ----- Time -----------------------------------------------------------------------------------

#[rustfmt::skip]
pub static TIME: LibraryClass = LibraryClass {
    name: "Time",
    doc: "a time of day with microsecond resolution (datetime.createTime, DateTimeObject.time)",
    methods: &[
        NativeDecl::method("hour", &[], "the hour (0-23)", time_hour),
        NativeDecl::method("minute", &[], "the minute (0-59)", time_minute),
        NativeDecl::method("second", &[], "the second (0-59)", time_second),
    ],
    properties: &[],
};

fn time_hour(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(this_time(receiver)? / MICROS_PER_HOUR))
}

fn time_minute(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(this_time(receiver)? / MICROS_PER_MINUTE % 60))
}

fn time_second(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(this_time(receiver)? / MICROS_PER_SECOND % 60))
}

// ----- TimeDelta ------------------------------------------------------------------------------

#[rustfmt::skip]
pub static TIME_DELTA: LibraryClass = LibraryClass {
    name: "TimeDelta",
    doc: "a signed duration with microsecond resolution, normalised as days + seconds (0-86399) + microseconds",
    methods: methods!(
        one("days", &[], "the whole days (floored: -1 for minus one second)", delta_days),
        one("seconds", &[], "the seconds within the last day (0-86399)", delta_seconds),
        one("add", &[req("d", Kinds::LIBRARY)], "the sum of self and the TimeDelta d", delta_add),
        one("subtract", &[req("d", Kinds::LIBRARY)], "self minus the TimeDelta d", delta_subtract),
        one("multiply", &[req("factor", Kinds::NUMBER)], "self times factor (a float product rounds half to even to a microsecond)", delta_multiply),
        one("abs", &[], "the delta without its sign", delta_abs),

        both("totalSeconds", "total_seconds", &[], "the whole delta in seconds (float)", delta_total_seconds),
        both("totalMinutes", "total_minutes", &[], "totalSeconds() / 60", delta_total_minutes),
        both("totalHours", "total_hours", &[], "totalSeconds() / 3600", delta_total_hours),
        both("totalDays", "total_days", &[], "totalSeconds() / 86400", delta_total_days),
        both("isNegative", "is_negative", &[], "whether the delta is below zero", delta_is_negative),
    ),
    properties: &[],
};

fn delta_days(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(this_delta(receiver)?.div_euclid(i128::from(MICROS_PER_DAY)) as i64))
}

fn delta_seconds(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    let within = this_delta(receiver)?.rem_euclid(i128::from(MICROS_PER_DAY)) as i64;
    Ok(Value::Int(within / MICROS_PER_SECOND))
}

fn delta_add(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    let func = "TimeDelta.add";
    let d = delta_arg(func, "d", &args[0])?;
    Ok(delta_value(civil::checked_delta(func, this_delta(receiver)? + d)?))
}

fn delta_subtract(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    let func = "TimeDelta.subtract";
    let d = delta_arg(func, "d", &args[0])?;
    Ok(delta_value(civil::checked_delta(func, this_delta(receiver)? - d)?))
}

fn delta_multiply(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    Ok(delta_value(civil::multiply("TimeDelta.multiply", this_delta(receiver)?, &args[0])?))
}

fn delta_abs(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(delta_value(this_delta(receiver)?.abs()))
}

fn delta_total_seconds(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Float(civil::total_seconds(this_delta(receiver)?)))
}

fn delta_total_minutes(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Float(civil::total_seconds(this_delta(receiver)?) / 60.0))
}

fn delta_total_hours(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Float(civil::total_seconds(this_delta(receiver)?) / 3600.0))
}

fn delta_total_days(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Float(civil::total_seconds(this_delta(receiver)?) / 86400.0))
}

fn delta_is_negative(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    Ok(Value::Bool(this_delta(receiver)? < 0))
}
