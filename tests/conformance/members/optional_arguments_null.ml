// §10 an optional argument given as null means "omitted"
print("a b".split(null), "a,b".split(",", null), "xax".strip(null) == "xax"); // expect: ["a", "b"] ["a", "b"] true
print("hello".find("l", null, null), "hello".count("l", null), "hello".startswith("h", null)); // expect: 2 2 true
print([1, 2, 3].pop(null), [1, 2, 1].index(1, null, null)); // expect: 3 0
print("ab".ljust(4, null) + "|", "ab".rjust(4, null)); // expect: ab  |   ab
