// §11.7 format specifications for strings: fill, alignment, width, precision and type s
print("[" + format("abc", ">5") + "]", format("abcdef", ".3"), format("ab", "*^7"), format("x", "s"), "[" + format("é", "^5") + "]"); // expect: [  abc] abc **ab*** x [  é  ]
print(format("a", "é^5"), "[" + format("abc", "<5") + "]", "[" + format("abcdef", "8.2") + "]", format("", "*>3"), format("abc", "2")); // expect: ééaéé [abc  ] [ab      ] *** abc
