// §10.1 count(sub[, start[, end]]) counts non-overlapping occurrences
print("banana".count("a"), "banana".count("ana"), "banana".count(""), "banana".count("a", 2)); // expect: 3 1 7 2
print("banana".count("a", 0, -1), "abc".count("", 1, 2), "aaaa".count("aa"), "abc".count("z")); // expect: 2 2 2 0
print("Hello, World".lower().count("o")); // expect: 2
