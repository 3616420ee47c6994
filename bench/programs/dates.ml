// dates: one million date additions and formattings (see dates.py): a date-time moved by
// a varying number of seconds, formatted with "%Y-%m-%d %H:%M:%S", checksummed.

import datetime;

function main() {
    dt = datetime.create(2000, 1, 1, 0, 0, 0);
    total = 0;
    check = 0;
    i = 0;
    while (i < 1000000) {
        dt = dt.addSeconds(3600 + i % 977);
        s = dt.format("%Y-%m-%d %H:%M:%S");
        total = total + len(s);
        check = (check * 31 + ord(s[18])) % 1000000007;
        i = i + 1;
    }
    print(total, check, dt.format("%Y-%m-%d %H:%M:%S"));
}

main();
