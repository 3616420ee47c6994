// §12.8 datetime: DateTimeObject arithmetic across month ends, leap days and year ends; deltas; comparisons; boundaries
import datetime;
function iso(x) {
    return x.toString();
}
// month ends and leap years
print(iso(datetime.create(2024, 1, 31).addDays(1)), iso(datetime.create(2024, 2, 28).addDays(1)), iso(datetime.create(2024, 2, 29).addDays(1))); // expect: 2024-02-01T00:00:00 2024-02-29T00:00:00 2024-03-01T00:00:00
print(iso(datetime.create(2023, 2, 28).addDays(1)), iso(datetime.create(1900, 2, 28).add_days(1)), iso(datetime.create(2000, 2, 28).addDays(1))); // expect: 2023-03-01T00:00:00 1900-03-01T00:00:00 2000-02-29T00:00:00
print(iso(datetime.create(2024, 3, 1).addDays(-1)), iso(datetime.create(2023, 3, 1).addDays(-1))); // expect: 2024-02-29T00:00:00 2023-02-28T00:00:00
print(iso(datetime.create(2024, 2, 29).addDays(365)), iso(datetime.create(2024, 2, 29).addDays(366))); // expect: 2025-02-28T00:00:00 2025-03-01T00:00:00
// year ends, hours, minutes, seconds, negative and fractional amounts
print(iso(datetime.create(2024, 12, 31, 23, 59, 59).addSeconds(1)), iso(datetime.create(2025, 1, 1).addSeconds(-1))); // expect: 2025-01-01T00:00:00 2024-12-31T23:59:59
print(iso(datetime.create(2024, 12, 31, 22).addHours(3)), iso(datetime.create(2024, 12, 31, 23, 30).add_minutes(45))); // expect: 2025-01-01T01:00:00 2025-01-01T00:15:00
print(iso(datetime.create(2025, 1, 1).add_hours(-0.5)), iso(datetime.create(2025, 1, 1).addDays(1.25)), iso(datetime.create(2025, 1, 1).add_seconds(1.5))); // expect: 2024-12-31T23:30:00 2025-01-02T06:00:00 2025-01-01T00:00:01.500000
print(iso(datetime.create(2025, 1, 1).addSeconds(0.0000005)), iso(datetime.create(2025, 1, 1).addSeconds(0.0000015))); // expect: 2025-01-01T00:00:00 2025-01-01T00:00:00.000002
print(iso(datetime.create(2025, 3, 15).addDays(-10000))); // expect: 1997-10-28T00:00:00
// add and subtract a TimeDelta; diff gives a TimeDelta (self minus other)
dt = datetime.create(2025, 10, 5, 12, 0, 0);
delta = datetime.createDelta(1, 3, 0, 0);
print(iso(dt.add(delta)), iso(dt.subtract(delta))); // expect: 2025-10-06T15:00:00 2025-10-04T09:00:00
later = datetime.create(2025, 10, 10, 14, 0, 0);
diff = later.diff(dt);
print(diff.days(), diff.seconds(), diff.totalHours()); // expect: 5 7200 122.0
back = dt.diff(later);
print(back.days(), back.seconds(), back.isNegative(), back.totalSeconds()); // expect: -6 79200 true -439200.0
print(datetime.create(2025, 3, 1).diff(datetime.create(2024, 3, 1)).days(), datetime.create(2024, 3, 1).diff(datetime.create(2023, 3, 1)).days()); // expect: 365 366
// comparisons
print(dt.isBefore(later), dt.isAfter(later), dt.is_before(dt), dt.is_after(dt), dt.isSame(datetime.create(2025, 10, 5, 12)), dt.is_same(later)); // expect: true false false false true false
print(dt.isSameDay(datetime.create(2025, 10, 5, 23, 59, 59)), dt.is_same_day(later), dt.isSameDay(datetime.createDate(2025, 10, 5))); // expect: true false true
// start and end of the day, month and year ("end" is 23:59:59.999999 of the last day)
x = datetime.create(2024, 2, 10, 13, 45, 30).addSeconds(0.5);
print(iso(x.startOfDay()), iso(x.endOfDay())); // expect: 2024-02-10T00:00:00 2024-02-10T23:59:59.999999
print(iso(x.startOfMonth()), iso(x.endOfMonth()), iso(x.end_of_month().addSeconds(0.000001))); // expect: 2024-02-01T00:00:00 2024-02-29T23:59:59.999999 2024-03-01T00:00:00
print(iso(x.start_of_year()), iso(x.endOfYear()), iso(datetime.create(2023, 2, 3).endOfMonth())); // expect: 2024-01-01T00:00:00 2024-12-31T23:59:59.999999 2023-02-28T23:59:59.999999
print(iso(x.start_of_day()), iso(x.end_of_day()), iso(x.start_of_month()), iso(x.end_of_year())); // expect: 2024-02-10T00:00:00 2024-02-10T23:59:59.999999 2024-02-01T00:00:00 2024-12-31T23:59:59.999999
// results outside years 1-9999: OverflowError (Python's datetime does the same)
function bad(f) {
    try {
        f();
        print("no error");
    } except (e) {
        print(e.type, e.message);
    }
}
bad(fn() => datetime.create(9999, 12, 31, 23, 59, 59).addSeconds(1)); // expect: OverflowError `DateTimeObject.addSeconds`: the result is outside the supported dates (years 1 to 9999)
bad(fn() => datetime.create(1, 1, 1).addDays(-1)); // expect: OverflowError `DateTimeObject.addDays`: the result is outside the supported dates (years 1 to 9999)
bad(fn() => datetime.create(2025, 1, 1).addDays(1000000000)); // expect: OverflowError `DateTimeObject.addDays`: the time delta of 1000000000 days is too large (at most 999999999 days either way)
bad(fn() => datetime.create(2025, 1, 1).addDays(1e300)); // expect: OverflowError `DateTimeObject.addDays`: the time delta is too large (at most 999999999 days either way)
bad(fn() => datetime.create(2025, 1, 1).addHours(0.0 / 1.0 * 1e400)); // expect: ValueError `DateTimeObject.addHours`: NaN is not a number of units
bad(fn() => datetime.create(2025, 1, 1).add(datetime.createDelta(3700000))); // expect: OverflowError `DateTimeObject.add`: the result is outside the supported dates (years 1 to 9999)
bad(fn() => dt.addDays("1")); // expect: TypeError `DateTimeObject.addDays` expects a number for `n`, got string
bad(fn() => dt.add(1)); // expect: TypeError `DateTimeObject.add` expects a library object for `delta`, got int
bad(fn() => dt.add(dt)); // expect: TypeError `DateTimeObject.add` expects a TimeDelta for `delta`, got DateTimeObject
bad(fn() => dt.diff(datetime.createDate(2025, 1, 1))); // expect: TypeError `DateTimeObject.diff` expects a DateTimeObject for `other`, got Date
bad(fn() => dt.isBefore(null)); // expect: TypeError `DateTimeObject.isBefore` expects a library object for `other`, got null
