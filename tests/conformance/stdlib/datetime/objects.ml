// §12.8 datetime: create, createDate, createTime, components, text forms, kinds of the library objects
import datetime;
dt = datetime.create(2025, 10, 5, 14, 30, 45);
print(dt.year(), dt.month(), dt.day(), dt.hour(), dt.minute(), dt.second(), dt.weekday()); // expect: 2025 10 5 14 30 45 6
print(dt.toString(), dt.toISOString(), dt.to_string(), dt.to_iso_string()); // expect: 2025-10-05T14:30:45 2025-10-05T14:30:45 2025-10-05T14:30:45 2025-10-05T14:30:45
print(datetime.create(2024, 2, 29).toString()); // expect: 2024-02-29T00:00:00
print(datetime.create(1, 1, 1).toString(), datetime.create(9999, 12, 31, 23, 59, 59).toString()); // expect: 0001-01-01T00:00:00 9999-12-31T23:59:59
print(datetime.create(2025, 1, 1).weekday(), datetime.create(1, 1, 1).weekday()); // expect: 2 0
// microseconds appear in the text only when they are not 0
print(dt.addSeconds(0.25).toString(), dt.addSeconds(0.000001).toISOString()); // expect: 2025-10-05T14:30:45.250000 2025-10-05T14:30:45.000001
print(dt, typeof(dt), isinstance(dt, "DateTimeObject"), isinstance(dt, "Date")); // expect: <DateTimeObject> object true false
print(dt == dt, dt == datetime.create(2025, 10, 5, 14, 30, 45)); // expect: true false
d = dt.date();
t = dt.time();
print(d, t, d.year(), d.month(), d.day(), d.toISOString(), t.hour(), t.minute(), t.second()); // expect: <Date> <Time> 2025 10 5 2025-10-05 14 30 45
print(isinstance(d, "Date"), isinstance(t, "Time"), isinstance(datetime.createDelta(), "TimeDelta")); // expect: true true true
d2 = datetime.createDate(2024, 12, 31);
print(d2.toISOString(), d2.to_iso_string(), d2.weekday(), d2.isWeekend(), d2.is_weekend()); // expect: 2024-12-31 2024-12-31 1 false false
t2 = datetime.createTime(23, 59, 59, 999999);
print(t2.hour(), t2.minute(), t2.second()); // expect: 23 59 59
t3 = datetime.createTime();
print(t3.hour(), t3.minute(), t3.second()); // expect: 0 0 0
t4 = datetime.createTime(7);
print(t4.hour(), t4.minute()); // expect: 7 0
// invalid components: ValueError naming the component and the value
function bad(f) {
    try {
        f();
        print("no error");
    } except (e) {
        print(e.type, e.message);
    }
}
bad(fn() => datetime.create(2023, 2, 29)); // expect: ValueError `datetime.create`: day 29 is out of range for 2023-02 (1 to 28)
bad(fn() => datetime.create(2025, 13, 1)); // expect: ValueError `datetime.create`: month 13 is out of range (1 to 12)
bad(fn() => datetime.create(0, 1, 1)); // expect: ValueError `datetime.create`: year 0 is out of range (1 to 9999)
bad(fn() => datetime.create(10000, 1, 1)); // expect: ValueError `datetime.create`: year 10000 is out of range (1 to 9999)
bad(fn() => datetime.create(2025, 1, 1, 24)); // expect: ValueError `datetime.create`: hour 24 is out of range (0 to 23)
bad(fn() => datetime.create(2025, 1, 1, 0, 60)); // expect: ValueError `datetime.create`: minute 60 is out of range (0 to 59)
bad(fn() => datetime.create(2025, 1, 1, 0, 0, -1)); // expect: ValueError `datetime.create`: second -1 is out of range (0 to 59)
bad(fn() => datetime.createDate(1900, 2, 29)); // expect: ValueError `datetime.createDate`: day 29 is out of range for 1900-02 (1 to 28)
bad(fn() => datetime.createDate(2025, 4, 31)); // expect: ValueError `datetime.createDate`: day 31 is out of range for 2025-04 (1 to 30)
bad(fn() => datetime.createTime(0, 0, 0, 1000000)); // expect: ValueError `datetime.createTime`: microsecond 1000000 is out of range (0 to 999999)
// wrong kinds: TypeError from the declarations
bad(fn() => datetime.create(2025, 1.5, 1)); // expect: TypeError `datetime.create` expects an int for `mo`, got float
bad(fn() => datetime.create("2025", 1, 1)); // expect: TypeError `datetime.create` expects an int for `y`, got string
bad(fn() => datetime.create(2025, 1)); // expect: TypeError `datetime.create` takes at least 3 arguments but 2 were given
bad(fn() => datetime.createDate(2025, 1, true)); // expect: TypeError `datetime.createDate` expects an int for `d`, got boolean
bad(fn() => datetime.createTime(null)); // expect: TypeError `datetime.createTime` expects an int for `h`, got null
bad(fn() => dt.year(1)); // expect: TypeError `DateTimeObject.year` takes no arguments but 1 was given
bad(fn() => dt.nope()); // expect: AttributeError DateTimeObject has no method `nope`
print(d.addDays(1).toISOString(), d.add_days(-5).toISOString(), d.subtractDays(5).toISOString(), d.subtract_days(-1).toISOString()); // expect: 2025-10-06 2025-09-30 2025-09-30 2025-10-06
print(d.diff(datetime.createDate(2025, 1, 1)), datetime.createDate(2024, 1, 1).diff(d)); // expect: 277 -643
bad(fn() => d.diff(dt)); // expect: TypeError `Date.diff` expects a Date for `other`, got DateTimeObject
bad(fn() => d.addDays(1.5)); // expect: TypeError `Date.addDays` expects an int for `n`, got float
bad(fn() => datetime.createDate(9999, 12, 31).addDays(1)); // expect: OverflowError `Date.addDays`: the result is outside the supported dates (years 1 to 9999)
bad(fn() => datetime.createDate(1, 1, 1).subtractDays(1)); // expect: OverflowError `Date.subtractDays`: the result is outside the supported dates (years 1 to 9999)
