# dates: one million date additions and formattings (see dates.ml): a date-time moved by
# a varying number of seconds, formatted with "%Y-%m-%d %H:%M:%S", checksummed.

import datetime


def main():
    dt = datetime.datetime(2000, 1, 1, 0, 0, 0)
    total = 0
    check = 0
    i = 0
    while i < 1000000:
        dt = dt + datetime.timedelta(seconds=3600 + i % 977)
        s = dt.strftime("%Y-%m-%d %H:%M:%S")
        total = total + len(s)
        check = (check * 31 + ord(s[18])) % 1000000007
        i = i + 1
    print(total, check, dt.strftime("%Y-%m-%d %H:%M:%S"))


main()
