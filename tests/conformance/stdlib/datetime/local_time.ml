// §12.8 datetime: now, today, fromTimestamp and timestamp agree with one another in whatever local zone the run has (no TZ set)
import datetime;
print(datetime.fromTimestamp(1000000000).timestamp(), datetime.fromTimestamp(1234567890.5).timestamp()); // expect: 1000000000.0 1234567890.5
// the local now and the UTC now describe the same instant
since_epoch = datetime.now(datetime.utc()).diff(datetime.create(1970, 1, 1)).totalSeconds();
print(abs(datetime.now().timestamp() - since_epoch) < 5); // expect: true
print(datetime.today().toISOString() == datetime.now().date().toISOString(), datetime.now().year() >= 2025); // expect: true true
