// text_stats.ml — statistics over an embedded multi-line text.
//
// Shows: multi-line string literals, string methods (split, strip, lower,
// count, startswith, ljust/rjust), objects as counters, sorting arrays of
// [key, value] pairs (arrays compare item by item), float formatting.
//
// Run: cargo run --release -- run examples/text_stats.ml

TEXT = "The quick brown fox jumps over the lazy dog.
The dog sleeps; the fox runs away into the dark forest.
A forest is quiet at night, but the fox is not.
Foxes and dogs: an old story, told again and again.

Every story needs an ending, and this one ends here.";

PUNCTUATION = ".,;:!?\"'()";

// Splits a line into lower-case words without surrounding punctuation.
function words_of(line) {
    result = [];
    for (raw in line.split()) {
        word = raw.strip(PUNCTUATION).lower();
        if (word != "") {
            result.append(word);
        }
    }
    return result;
}

// Counts how often each item occurs; the object keeps first-seen order.
function frequencies(items) {
    counts = {};
    for (item in items) {
        counts[item] = getattr(counts, item, 0) + 1;
    }
    return counts;
}

lines = TEXT.split("\n");
all_words = [];
for (line in lines) {
    all_words.extend(words_of(line));
}
counts = frequencies(all_words);

print("lines:", len(lines), "| words:", len(all_words), "| distinct:", len(counts));
print("characters:", len(TEXT), "| letter e:", TEXT.lower().count("e"));

// Top words: sort [-count, word] pairs, so higher counts come first and ties
// are broken alphabetically.
pairs = [];
for (word in counts) {
    pairs.append([-counts[word], word]);
}
pairs.sort();
print();
print("Most frequent words:");
for (pair in pairs[:6]) {
    [negative, word] = pair;
    print("  " + word.ljust(8) + str(-negative).rjust(3) + "  " + "#" * -negative);
}

// Longest words, longest first, ties alphabetical.
by_length = [];
for (word in keys(counts)) {
    by_length.append([-len(word), word]);
}
longest = [];
for (pair in sorted(by_length)[:5]) {
    longest.append(pair[1] + " (" + -pair[0] + ")");
}
print();
print("Longest words:", ", ".join(longest));

// Per-line statistics; blank lines are reported but not averaged.
print();
print("line  words  chars  avg word  first word");
total_length = 0;
for (entry in enumerate(lines, 1)) {
    [number, line] = entry;
    words = words_of(line);
    if (len(words) == 0) {
        print(format(number, ">4") + "  (blank)");
        continue;
    }
    letters = 0;
    for (w in words) {
        letters = letters + len(w);
    }
    total_length = total_length + letters;
    average = letters / len(words);
    print(format(number, ">4") + format(len(words), ">7") + format(len(line), ">7")
        + format(average, ">10.2f") + "  " + words[0]);
}
print("average word length:", round(total_length / len(all_words), 3));

// Words that start with "fox" or "dog", whatever their ending.
animals = [];
for (word in counts) {
    if (word.startswith("fox") || word.startswith("dog")) {
        animals.append(word + "=" + counts[word]);
    }
}
print("animal words:", animals);
