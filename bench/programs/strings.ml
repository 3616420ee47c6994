// strings: string building, join, split, word counting and substring counting.
// Builds a 200,000-word text from a word list (chosen with an in-program LCG) by
// appending to an array and joining, splits it again, counts the words into an
// object, sums the word lengths, upper-cases every word that starts with "t", and
// counts the occurrences of a substring. Measures string concatenation, `join`,
// `split`, `len`, `startswith`, `upper`, `count` and string-keyed objects.

function build_text(n) {
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"];
    parts = [];
    seed = 7;
    for (i in range(n)) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        parts.append(words[seed // 65536 % 8] + (i % 10));
    }
    return " ".join(parts);
}

function main() {
    text = build_text(200000);
    tokens = text.split(" ");
    counts = {};
    total_length = 0;
    shouted = 0;
    for (t in tokens) {
        counts[t] = getattr(counts, t, 0) + 1;
        total_length = total_length + len(t);
        if (t.startswith("t")) {
            if (t.upper() == "THETA0") {
                shouted = shouted + 1;
            }
        }
    }
    names = sorted(keys(counts));
    print(len(text), len(tokens), len(names), names[0], names[len(names) - 1]);
    print(counts["alpha0"], counts["theta9"], total_length, shouted, text.count("eta"));
}

main();
