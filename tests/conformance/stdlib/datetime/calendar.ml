// §12.8 datetime: daysInMonth, isLeapYear, isWeekend/isWeekday, calculateAge (birthdays, Feb 29), addBusinessDays, businessDaysBetween
import datetime;
print(datetime.daysInMonth(2025, 1), datetime.daysInMonth(2025, 2), datetime.daysInMonth(2024, 2), datetime.daysInMonth(1900, 2), datetime.daysInMonth(2000, 2), datetime.days_in_month(2025, 4), datetime.days_in_month(2025, 12)); // expect: 31 28 29 28 29 30 31
print(datetime.isLeapYear(2024), datetime.isLeapYear(2025), datetime.isLeapYear(1900), datetime.isLeapYear(2000), datetime.isLeapYear(0), datetime.isLeapYear(-4), datetime.isLeapYear(400000000000000000000)); // expect: true false false true true true true
function bad(f) {
    try {
        f();
        print("no error");
    } except (e) {
        print(e.type, e.message);
    }
}
bad(fn() => datetime.daysInMonth(2025, 13)); // expect: ValueError `datetime.daysInMonth`: month 13 is out of range (1 to 12)
bad(fn() => datetime.days_in_month(2025, 0)); // expect: ValueError `datetime.daysInMonth`: month 0 is out of range (1 to 12)
bad(fn() => datetime.isLeapYear(2024.0)); // expect: TypeError `datetime.isLeapYear` expects an int for `y`, got float
// weekends and weekdays (Monday is 0), for date-times and dates
sat = datetime.create(2025, 10, 4, 12);
mon = datetime.createDate(2025, 10, 6);
print(datetime.isWeekend(sat), datetime.isWeekday(sat), datetime.is_weekend(mon), datetime.is_weekday(mon)); // expect: true false false true
print(datetime.isWeekend(datetime.create(2025, 10, 5)), datetime.isWeekday(datetime.createDate(2025, 10, 10))); // expect: true true
bad(fn() => datetime.isWeekend(datetime.createDelta(1))); // expect: TypeError `datetime.isWeekend` expects a DateTimeObject or a Date for `dt`, got TimeDelta
bad(fn() => datetime.isWeekday("2025-10-04")); // expect: TypeError `datetime.isWeekday` expects a library object for `dt`, got string
// completed years: the birthday itself counts, the day before does not
b = datetime.createDate(1990, 6, 15);
print(datetime.calculateAge(b, datetime.createDate(2025, 6, 14)), datetime.calculateAge(b, datetime.createDate(2025, 6, 15)), datetime.calculate_age(b, datetime.create(2025, 12, 31, 23))); // expect: 34 35 35
leap = datetime.create(2000, 2, 29, 8);
print(datetime.calculateAge(leap, datetime.createDate(2001, 2, 28)), datetime.calculateAge(leap, datetime.createDate(2001, 3, 1)), datetime.calculateAge(leap, datetime.createDate(2004, 2, 29))); // expect: 0 1 4
print(datetime.calculateAge(b, b), datetime.calculateAge(datetime.createDate(2030, 1, 1), datetime.createDate(2025, 6, 1))); // expect: 0 -5
// without current (or with null): today
print(datetime.calculateAge(datetime.createDate(1, 1, 1)) >= 2024, datetime.calculateAge(datetime.today(), null)); // expect: true 0
// business days step one day at a time in the direction of n, counting Monday to Friday
fri = datetime.createDate(2025, 10, 3);
print(datetime.addBusinessDays(fri, 1).toISOString(), datetime.addBusinessDays(fri, 5).toISOString(), datetime.add_business_days(fri, -1).toISOString(), datetime.addBusinessDays(fri, -5).toISOString()); // expect: 2025-10-06 2025-10-10 2025-10-02 2025-09-26
print(datetime.addBusinessDays(sat, 1).toString(), datetime.addBusinessDays(sat, -1).toString(), datetime.addBusinessDays(sat, 10).toString()); // expect: 2025-10-06T12:00:00 2025-10-03T12:00:00 2025-10-17T12:00:00
print(datetime.addBusinessDays(sat, 0) == sat, datetime.addBusinessDays(fri, 261).toISOString(), datetime.addBusinessDays(fri, -261).toISOString()); // expect: true 2026-10-05 2024-10-03
print(datetime.addBusinessDays(datetime.createDate(2024, 12, 27), 2).toISOString()); // expect: 2024-12-31
bad(fn() => datetime.addBusinessDays(datetime.createDate(9999, 12, 31), 1)); // expect: OverflowError `datetime.addBusinessDays`: the result is outside the supported dates (years 1 to 9999)
bad(fn() => datetime.addBusinessDays(fri, 1.0)); // expect: TypeError `datetime.addBusinessDays` expects an int for `n`, got float
// Monday-to-Friday dates from the earlier to the later, both included
print(datetime.businessDaysBetween(mon, datetime.createDate(2025, 10, 10)), datetime.businessDaysBetween(datetime.createDate(2025, 10, 10), mon)); // expect: 5 5
print(datetime.businessDaysBetween(sat, datetime.create(2025, 10, 5)), datetime.business_days_between(sat, sat), datetime.businessDaysBetween(mon, mon)); // expect: 0 0 1
print(datetime.businessDaysBetween(datetime.createDate(2025, 1, 1), datetime.createDate(2025, 12, 31)), datetime.businessDaysBetween(datetime.createDate(1, 1, 1), datetime.createDate(9999, 12, 31))); // expect: 261 2608615
