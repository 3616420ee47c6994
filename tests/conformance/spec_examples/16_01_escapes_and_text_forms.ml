s = "a\tb"; // §16.1 Escapes and text forms (the program is verbatim; line numbers are the specification's)
print(len(s), len("\x41\u0042\u{43}"), "\x41\u0042\u{43}");
print("Line1\nLine2");
print('It\'s', "a \"quote\"", "\d+", "C:\\dir");
print(["tab\there", "q\"", "back\\slash", "é"]);
print(repr("hi"), repr(1.0), repr(null), repr([1, "a"]));
// expect: 3 3 ABC
// expect: Line1
// expect: Line2
// expect: It's a "quote" \d+ C:\dir
// expect: ["tab\there", "q\"", "back\\slash", "é"]
// expect: "hi" 1.0 null [1, "a"]
