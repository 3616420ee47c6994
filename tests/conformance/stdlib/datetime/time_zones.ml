// §12.8 datetime: utc, createTimeZone, now([tz]), today, fromTimestamp and timestamp in a fixed local zone (TZ set to UTC+5:30)
// env: TZ=<+0530>-5:30
import datetime;
print(datetime.utc()); // expect: UTC
print(datetime.createTimeZone(5, 30), datetime.createTimeZone(-8)); // expect: {"hours": 5, "minutes": 30, "name": "UTC+5:30"} {"hours": -8, "minutes": 0, "name": "UTC-8:00"}
print(datetime.createTimeZone(0), datetime.createTimeZone(9, 0, "JST"), datetime.createTimeZone(-3, 30, "")); // expect: {"hours": 0, "minutes": 0, "name": "UTC+0:00"} {"hours": 9, "minutes": 0, "name": "JST"} {"hours": -3, "minutes": 30, "name": "UTC-3:30"}
function bad(f) {
    try {
        f();
        print("no error");
    } except (e) {
        print(e.type, e.message);
    }
}
bad(fn() => datetime.createTimeZone(5, 60)); // expect: ValueError `datetime.createTimeZone`: minutes 60 is out of range (0 to 59; the sign of the offset goes on the hours)
bad(fn() => datetime.createTimeZone(-5, -30)); // expect: ValueError `datetime.createTimeZone`: minutes -30 is out of range (0 to 59; the sign of the offset goes on the hours)
bad(fn() => datetime.createTimeZone(24)); // expect: ValueError `datetime.createTimeZone`: hours 24 is out of range (-23 to 23)
bad(fn() => datetime.createTimeZone(5.5)); // expect: TypeError `datetime.createTimeZone` expects an int for `h`, got float
bad(fn() => datetime.createTimeZone(1, 0, null)); // expect: TypeError `datetime.createTimeZone` expects a string for `name`, got null
// local time is UTC+5:30 here
print(datetime.fromTimestamp(0).toString(), datetime.from_timestamp(1.5).toString(), datetime.fromTimestamp(-1).toString()); // expect: 1970-01-01T05:30:00 1970-01-01T05:30:01.500000 1970-01-01T05:29:59
print(datetime.create(1970, 1, 1, 5, 30).timestamp(), datetime.create(2025, 10, 5, 14, 30).timestamp()); // expect: 0.0 1759654800.0
print(datetime.fromTimestamp(1759654800.25).timestamp()); // expect: 1759654800.25
// now() is local, now(tz) for any tz but null is UTC: 330 minutes apart
local = datetime.now();
utc = datetime.now(datetime.utc());
print(round(local.diff(utc).totalMinutes()), round(datetime.now(datetime.createTimeZone(9)).diff(datetime.now(null)).totalMinutes())); // expect: 330.0 -330.0
print(isinstance(local, "DateTimeObject"), local.year() >= 2025); // expect: true true
t = datetime.today();
print(isinstance(t, "Date"), t.toISOString() == datetime.now().date().toISOString()); // expect: true true
bad(fn() => datetime.fromTimestamp(1e20)); // expect: ValueError `datetime.fromTimestamp`: timestamp 1e+20 is outside the supported dates (years 1 to 9999)
bad(fn() => datetime.fromTimestamp(-1e400)); // expect: ValueError `datetime.fromTimestamp`: timestamp -inf is outside the supported dates (years 1 to 9999)
bad(fn() => datetime.fromTimestamp("0")); // expect: TypeError `datetime.fromTimestamp` expects a number for `ts`, got string
