# strings: string building, join, split, word counting and substring counting
# (see strings.ml).


def build_text(n):
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    parts = []
    seed = 7
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        parts.append(words[seed // 65536 % 8] + str(i % 10))
    return " ".join(parts)


def main():
    text = build_text(200000)
    tokens = text.split(" ")
    counts = {}
    total_length = 0
    shouted = 0
    for t in tokens:
        counts[t] = counts.get(t, 0) + 1
        total_length = total_length + len(t)
        if t.startswith("t"):
            if t.upper() == "THETA0":
                shouted = shouted + 1
    names = sorted(counts.keys())
    print(len(text), len(tokens), len(names), names[0], names[len(names) - 1])
    print(counts["alpha0"], counts["theta9"], total_length, shouted, text.count("eta"))


main()
