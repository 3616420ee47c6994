# json_roundtrip setup: writes json_roundtrip.json, a ~5 MB JSON document, in the
# working directory (run once by bench/run.sh before the timed runs; see json_roundtrip.ml).
#
# The document is an object holding an array of 9,000 records: nested objects and
# arrays, strings with escapes (quotes, backslashes, control characters) and non-ASCII
# text (written as \uXXXX escapes, surrogate pairs included), ints (a few beyond 2^63),
# floats of every size and null/true/false. It is written by json.dumps with its
# defaults (", " and ": " separators, ensure_ascii), which is also the exact text ML's
# json.stringify gives for the same values: so both programs can check that
# stringify(parse(text)) == text. Pseudo-random choices come from the LCG of
# bench/README.md, so the file is the same on every machine.
import json

RECORDS = 9000
WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "theta", "kappa",
         "lambda", "sigma", "omega", "Zürich", "Ångström", "naïve", "café", "東京",
         "Ελληνικά", "emoji 😀", "tab\there", "quote \"q\"", "back\\slash",
         "line\nbreak", "bell\u0007", "slash/ok", "日本語テキスト"]
seed = 42


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    # The high bits: the low bits of this generator have short periods.
    return (seed // 256) % n


def text(words):
    parts = []
    for _ in range(words):
        parts.append(WORDS[rand(len(WORDS))])
    return " ".join(parts)


def number():
    kind = rand(6)
    if kind == 0:
        return rand(1000)
    if kind == 1:
        return -rand(2147483648) * 4096
    if kind == 2:
        return rand(100000) / 64            # exact binary fractions: 12.5, 0.015625
    if kind == 3:
        return rand(2147483647) / 2147483647   # 16-17 significant digits
    if kind == 4:
        return (rand(1000) + 1) * 10.0 ** (rand(40) - 20)  # 1e-20 .. 1e+22: both notations
    return rand(2) == 0


def record(i):
    return {
        "id": i,
        "name": "user" + str(i),
        "active": rand(3) != 0,
        "score": rand(1000000) / 1000,
        "ratio": rand(2147483647) / 2147483647,
        "tags": [WORDS[rand(len(WORDS))] for _ in range(rand(5))],
        "bio": text(4 + rand(12)),
        "address": {
            "street": str(rand(999) + 1) + " " + text(2),
            "city": WORDS[rand(len(WORDS))],
            "zip": str(10000 + rand(90000)),
            "geo": [rand(180000000) / 1000000 - 90, rand(360000000) / 1000000 - 180],
        },
        "history": [number() for _ in range(rand(12))],
        "big": 18446744073709551616 + i if i % 100 == 0 else None,
        "nested": {"level": {"deeper": [i % 7, {"x": None, "y": [True, False]}]}},
    }


def main():
    doc = {"version": 3, "records": [record(i) for i in range(RECORDS)]}
    with open("json_roundtrip.json", "w", encoding="utf-8") as f:
        f.write(json.dumps(doc))


main()
