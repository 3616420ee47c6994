// §12.8 datetime: TimeDelta normalisation (days + seconds 0-86399), totals, add, subtract, multiply, isNegative, abs
import datetime;
d = datetime.createDelta(1, 2, 30, 0);
print(d.days(), d.seconds(), d.totalSeconds(), d.totalMinutes(), d.totalHours(), d.totalDays()); // expect: 1 9000 95400.0 1590.0 26.5 1.1041666666666667
print(d.total_seconds(), d.total_minutes(), d.total_hours(), d.total_days()); // expect: 95400.0 1590.0 26.5 1.1041666666666667
print(datetime.createDelta(0, 5, 30).seconds(), datetime.createDelta(7).days(), datetime.createDelta().totalSeconds()); // expect: 19800 7 0.0
// normalisation of negative deltas: days are floored, seconds stay within 0-86399
m = datetime.createDelta(0, 0, 0, -1);
print(m.days(), m.seconds(), m.totalSeconds(), m.isNegative(), m.is_negative()); // expect: -1 86399 -1.0 true true
n = datetime.createDelta(-1, 25);
print(n.days(), n.seconds(), n.totalHours(), n.isNegative()); // expect: 0 3600 1.0 false
print(datetime.createDelta(0, 0, 0, 86400).days(), datetime.createDelta(0, 0, -1441).days(), datetime.createDelta(0, 0, -1441).seconds()); // expect: 1 -2 86340
// fractional units round half to even to a microsecond, as Python's timedelta
print(datetime.createDelta(0, 0, 0, 0.0000005).totalSeconds(), datetime.createDelta(0, 0, 0, 0.0000015).totalSeconds(), datetime.createDelta(0.5).seconds()); // expect: 0.0 2e-06 43200
print(datetime.createDelta(1.5, 0.5, 0.5, 0.5).totalSeconds()); // expect: 131430.5
// add, subtract, multiply, abs (new objects)
five = datetime.createDelta(5);
three = datetime.createDelta(3);
print(five.add(three).days(), five.subtract(three).days(), three.subtract(five).days(), three.subtract(five).abs().days()); // expect: 8 2 -2 2
print(five.multiply(2).days(), five.multiply(2.0).days(), five.multiply(-1).days(), five.multiply(0.5).totalHours(), five.multiply(0).isNegative()); // expect: 10 10 -5 60.0 false
us = datetime.createDelta(0, 0, 0, 0.000003);
print(us.multiply(0.5).totalSeconds(), us.multiply(2.5).totalSeconds(), us.multiply(-0.5).totalSeconds()); // expect: 2e-06 8e-06 -2e-06
print(datetime.createDelta(0, 0, 0, 0.000005).multiply(0.5).totalSeconds(), datetime.createDelta(1).multiply(1.0 / 3.0).totalSeconds()); // expect: 2e-06 28800.0
print(m.abs().seconds(), m.abs().isNegative(), five.abs().days()); // expect: 1 false 5
print(five, five.add(datetime.createDelta()) == five); // expect: <TimeDelta> false
// a delta may span up to 999999999 days either way; beyond: OverflowError
big = datetime.createDelta(999999999);
print(big.days(), big.totalDays()); // expect: 999999999 999999999.0
function bad(f) {
    try {
        f();
        print("no error");
    } except (e) {
        print(e.type, e.message);
    }
}
bad(fn() => datetime.createDelta(1000000000)); // expect: OverflowError `datetime.createDelta`: the time delta of 1000000000 days is too large (at most 999999999 days either way)
bad(fn() => big.add(datetime.createDelta(1))); // expect: OverflowError `TimeDelta.add`: the time delta of 1000000000 days is too large (at most 999999999 days either way)
bad(fn() => big.multiply(2)); // expect: OverflowError `TimeDelta.multiply`: the time delta of 1999999998 days is too large (at most 999999999 days either way)
bad(fn() => five.multiply(0.0 * 1e400)); // expect: ValueError `TimeDelta.multiply`: cannot multiply a time delta by NaN
bad(fn() => five.multiply(1e400)); // expect: OverflowError `TimeDelta.multiply`: cannot multiply a time delta by an infinite float
bad(fn() => five.add(3)); // expect: TypeError `TimeDelta.add` expects a library object for `d`, got int
bad(fn() => five.subtract(datetime.createDate(2025, 1, 1))); // expect: TypeError `TimeDelta.subtract` expects a TimeDelta for `d`, got Date
bad(fn() => five.multiply("2")); // expect: TypeError `TimeDelta.multiply` expects a number for `factor`, got string
bad(fn() => datetime.createDelta(true)); // expect: TypeError `datetime.createDelta` expects a number for `days`, got boolean
