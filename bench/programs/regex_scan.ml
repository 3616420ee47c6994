// regex_scan: a regex scan with groups over 10 MB of text.
// Builds a text of 250,000 records such as "see gamma12@corp45.com; price=312 ok, "
// (chosen with the in-program LCG, joined from an array), then finds every e-mail
// address with `regex.findall("(\w+)@(\w+)\.com", text)`, summing the groups' lengths
// into a checksum, and every price with `regex.finditer("price=(\d+)", text)`, summing
// the numbers. Measures the regex engine over a long text: matching, groups, and making
// the result strings and Match objects.
import regex;

function build_text(n) {
    users = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"];
    hosts = ["mail", "example", "post", "inbox", "corp", "web"];
    fillers = ["see", "contact", "write to", "cc", "from", "reply"];
    parts = [];
    seed = 11;
    for (i in range(n)) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        r = seed // 65536;
        parts.append(fillers[r % 6] + " " + users[r % 8] + (r % 1000) + "@" + hosts[r // 8 % 6] + (r % 97) + ".com; price=" + (r % 500) + " ok, ");
    }
    return "".join(parts);
}

function main() {
    text = build_text(250000);
    count = 0;
    total = 0;
    check = 0;
    for (pair in regex.findall("(\w+)@(\w+)\.com", text)) {
        count = count + 1;
        total = total + len(pair[0]) + len(pair[1]);
        check = (check * 31 + len(pair[0]) * 7 + len(pair[1])) % 1000000007;
    }
    prices = 0;
    for (m in regex.finditer("price=(\d+)", text)) {
        prices = prices + int(m.group(1));
    }
    print(len(text), count, total, check, prices);
}

main();
