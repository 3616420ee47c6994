// §12.8 datetime: local time across daylight-saving shifts (TZ set to New York's rules); a skipped time takes the offset before the shift, a repeated one its first occurrence, as in Python
// env: TZ=EST5EDT,M3.2.0,M11.1.0
import datetime;
print(datetime.fromTimestamp(1710053999).toString(), datetime.fromTimestamp(1710054000).toString()); // expect: 2024-03-10T01:59:59 2024-03-10T03:00:00
print(datetime.fromTimestamp(1730611800).toString(), datetime.fromTimestamp(1730615400).toString()); // expect: 2024-11-03T01:30:00 2024-11-03T01:30:00
print(datetime.fromTimestamp(0).toString(), datetime.fromTimestamp(1751328000).toString()); // expect: 1969-12-31T19:00:00 2025-06-30T20:00:00
// 02:30 on 2024-03-10 does not exist in New York; 01:30 on 2024-11-03 happens twice
print(datetime.create(2024, 3, 10, 2, 30).timestamp(), datetime.create(2024, 11, 3, 1, 30).timestamp()); // expect: 1710055800.0 1730611800.0
print(datetime.create(2024, 11, 3, 0, 59).timestamp(), datetime.create(2024, 11, 3, 2, 0).timestamp()); // expect: 1730609940.0 1730617200.0
// naive arithmetic ignores the shifts: a day later is the same wall-clock time
print(datetime.create(2024, 3, 9, 12).addDays(1).toString(), datetime.create(2024, 3, 10, 1, 59).addMinutes(1).toString()); // expect: 2024-03-10T12:00:00 2024-03-10T02:00:00
