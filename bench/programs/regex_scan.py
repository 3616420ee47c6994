# regex_scan: a regex scan with groups over 10 MB of text (see regex_scan.ml).
import re


def build_text(n):
    users = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    hosts = ["mail", "example", "post", "inbox", "corp", "web"]
    fillers = ["see", "contact", "write to", "cc", "from", "reply"]
    parts = []
    seed = 11
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        r = seed // 65536
        parts.append(fillers[r % 6] + " " + users[r % 8] + str(r % 1000) + "@" + hosts[r // 8 % 6] + str(r % 97) + ".com; price=" + str(r % 500) + " ok, ")
    return "".join(parts)


def main():
    text = build_text(250000)
    count = 0
    total = 0
    check = 0
    for pair in re.findall(r"(\w+)@(\w+)\.com", text):
        count = count + 1
        total = total + len(pair[0]) + len(pair[1])
        check = (check * 31 + len(pair[0]) * 7 + len(pair[1])) % 1000000007
    prices = 0
    for m in re.finditer(r"price=(\d+)", text):
        prices = prices + int(m.group(1))
    print(len(text), count, total, check, prices)


main()
