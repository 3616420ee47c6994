// §10.1 center, ljust and rjust
print("abc".center(6, "*"), "ab".center(5, "*"), "abc".center(7, "*"), "abcd".center(9, "*")); // expect: *abc** **ab* **abc** ***abcd**
print("[" + "ab".center(6) + "]", "abc".center(2), "a".center(4, "é")); // expect: [  ab  ] abc éaéé
print("7".rjust(3, "0"), "ab".ljust(5, "-"), "abc".ljust(2, "-"), "[" + "x".rjust(3) + "]", "[" + "x".ljust(3) + "]"); // expect: 007 ab--- abc [  x] [x  ]
print("x".center(3, null), "|"); // expect:  x  |
try {
    "x".center(5, "ab");
} except (e) {
    print(e.type);
}
// expect: TypeError
