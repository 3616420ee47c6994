// §12.8 datetime: DateTimeObject.format with strftime directives and English names (expected texts are CPython's)
import datetime;
dt = datetime.create(2025, 10, 5, 14, 30, 7).addSeconds(0.000042);
print(dt.format()); // expect: 2025-10-05 14:30:07
print(dt.format("%Y-%m-%d %H:%M:%S")); // expect: 2025-10-05 14:30:07
print(dt.format("%a %A %b %B")); // expect: Sun Sunday Oct October
print(dt.format("%d %f %H %I %j %m %M %p %S %w %y %Y %%")); // expect: 05 000042 14 02 278 10 30 PM 07 0 25 2025 %
am = datetime.create(2024, 1, 1, 0, 5, 9);
print(am.format("%I %p|%H|%j|%w|%a %b|%e|%y")); // expect: 12 AM|00|001|1|Mon Jan| 1|24
print(datetime.create(2024, 12, 31, 12).format("%I %p %j %A %B")); // expect: 12 PM 366 Tuesday December
print(datetime.create(2023, 12, 31, 23).format("%I %p %j")); // expect: 11 PM 365
// every month and weekday name
names = [];
for (m in range(1, 13)) {
    names.append(datetime.create(2025, m, 1).format("%b/%B"));
}
print(names); // expect: ["Jan/January", "Feb/February", "Mar/March", "Apr/April", "May/May", "Jun/June", "Jul/July", "Aug/August", "Sep/September", "Oct/October", "Nov/November", "Dec/December"]
days = [];
for (i in range(7)) {
    days.append(datetime.create(2025, 9, 29).addDays(i).format("%w %a %A"));
}
print(days); // expect: ["1 Mon Monday", "2 Tue Tuesday", "3 Wed Wednesday", "4 Thu Thursday", "5 Fri Friday", "6 Sat Saturday", "0 Sun Sunday"]
// more glibc directives: composites, week numbers, ISO weeks, padding flags
print(dt.format("%c|%x|%X|%D|%F|%T|%R|%r")); // expect: Sun Oct  5 14:30:07 2025|10/05/25|14:30:07|10/05/25|2025-10-05|14:30:07|14:30|02:30:07 PM
jan3 = datetime.create(2021, 1, 3);
print(jan3.format("%U %W %u %V %G %g %C")); // expect: 01 00 7 53 2020 20 20
print(datetime.create(2025, 3, 7, 9).format("%-d/%-m %_H %^a %^B %e %k %l %P")); // expect: 7/3  9 FRI MARCH  7  9  9 am
print(dt.format("[%z%Z] day %d of %B, é")); // expect: [] day 05 of October, é
// years before 1000 are padded to four digits
print(datetime.create(33, 4, 5).format("%Y %F %y"), datetime.create(33, 4, 5).toString()); // expect: 0033 0033-04-05 33 0033-04-05T00:00:00
print(dt.format(""), dt.format("no directives")); // expect:  no directives
// unknown or incomplete directives are ValueErrors
function bad(f) {
    try {
        f();
        print("no error");
    } except (e) {
        print(e.type, e.message);
    }
}
bad(fn() => dt.format("%Q")); // expect: ValueError `DateTimeObject.format`: unknown directive "%Q" in the format "%Q" (write %% for a percent sign)
bad(fn() => dt.format("100%")); // expect: ValueError `DateTimeObject.format`: the format "100%" ends with an incomplete directive "%" (write %% for a percent sign)
bad(fn() => dt.format(5)); // expect: TypeError `DateTimeObject.format` expects a string for `fmt`, got int
