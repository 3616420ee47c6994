// §12.8 datetime: parseISO accepts YYYY-MM-DD, optionally followed by T or a space and HH:MM[:SS[.ffffff]]; other texts raise ValueError
import datetime;
for (s in ["2025-10-05", "2025-10-05T14:30", "2025-10-05 14:30", "2025-10-05T14:30:59", "2025-10-05 14:30:59.5", "2025-10-05T14:30:59.123456", "2024-02-29T00:00:00.000001", "0001-01-01", "9999-12-31T23:59:59.999999"]) {
    print(datetime.parseISO(s).toString());
}
// expect: 2025-10-05T00:00:00
// expect: 2025-10-05T14:30:00
// expect: 2025-10-05T14:30:00
// expect: 2025-10-05T14:30:59
// expect: 2025-10-05T14:30:59.500000
// expect: 2025-10-05T14:30:59.123456
// expect: 2024-02-29T00:00:00.000001
// expect: 0001-01-01T00:00:00
// expect: 9999-12-31T23:59:59.999999
dt = datetime.parseISO("2025-10-05T14:30:00");
print(dt.year(), dt.month(), dt.day(), dt.hour(), dt.minute(), isinstance(dt, "DateTimeObject")); // expect: 2025 10 5 14 30 true
// a round trip through toISOString
x = datetime.create(2031, 7, 4, 1, 2, 3).addSeconds(0.004);
print(datetime.parseISO(x.toISOString()).isSame(x)); // expect: true
for (s in ["2023-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "0000-01-01", "2025-1-5", "25-10-05", "2025/10/05", "2025-10-05T", "2025-10-05T14", "2025-10-05T1:30", "2025-10-05T24:00", "2025-10-05T12:60", "2025-10-05T12:00:60", "2025-10-05T12:00:0", "2025-10-05T12:00:00.", "2025-10-05T12:00:00.1234567", "2025-10-05T12:00:00Z", "2025-10-05T12:00:00+02:00", "2025-10-05x", " 2025-10-05", "2025-10-05 ", "", "today"]) {
    try {
        datetime.parseISO(s);
        print(repr(s), "accepted");
    } except (e) {
        print(repr(s), e.type);
    }
}
// expect: "2023-02-29" ValueError
// expect: "2025-13-01" ValueError
// expect: "2025-00-10" ValueError
// expect: "2025-04-31" ValueError
// expect: "0000-01-01" ValueError
// expect: "2025-1-5" ValueError
// expect: "25-10-05" ValueError
// expect: "2025/10/05" ValueError
// expect: "2025-10-05T" ValueError
// expect: "2025-10-05T14" ValueError
// expect: "2025-10-05T1:30" ValueError
// expect: "2025-10-05T24:00" ValueError
// expect: "2025-10-05T12:60" ValueError
// expect: "2025-10-05T12:00:60" ValueError
// expect: "2025-10-05T12:00:0" ValueError
// expect: "2025-10-05T12:00:00." ValueError
// expect: "2025-10-05T12:00:00.1234567" ValueError
// expect: "2025-10-05T12:00:00Z" ValueError
// expect: "2025-10-05T12:00:00+02:00" ValueError
// expect: "2025-10-05x" ValueError
// expect: " 2025-10-05" ValueError
// expect: "2025-10-05 " ValueError
// expect: "" ValueError
// expect: "today" ValueError
// the messages name the function, the text and the accepted form
try {
    datetime.parseISO("2025-10-05T12:00:00Z");
} except (e) {
    print(e.message);
}
// expect: `datetime.parseISO`: "2025-10-05T12:00:00Z" is not an ISO 8601 date-time (time-zone offsets are not supported: date-times are naive; expected YYYY-MM-DD, optionally followed by T or a space and HH:MM[:SS[.ffffff]])
try {
    datetime.parseISO("2023-02-29");
} except (e) {
    print(e.message);
}
// expect: `datetime.parseISO`: day 29 is out of range for 2023-02 (1 to 28)
try {
    datetime.parseISO(20251005);
} except (e) {
    print(e.type, e.message);
}
// expect: TypeError `datetime.parseISO` expects a string for `s`, got int
