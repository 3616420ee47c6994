// §10.1 strip, lstrip and rstrip, with and without a set of characters
print("[" + "  a b  ".strip() + "]", "[" + "  left".lstrip() + "]", "[" + "right  ".rstrip() + "]"); // expect: [a b] [left] [right]
print("[" + "\t\n x \r\n".strip() + "]", "[" + "  both  ".lstrip() + "]", "[" + "  both  ".rstrip() + "]"); // expect: [x] [both  ] [  both]
print("xxhixx".strip("x"), "xyhiyx".strip("xy"), "aabba".lstrip("a"), "aabba".rstrip("a")); // expect: hi hi bba aabb
print(repr("xxx".strip("x")), repr("".strip()), "abc".strip("")); // expect: "" "" abc
print("  pad ".strip(null) + "|"); // expect: pad|
