// §10.1 split([sep[, maxsplit]]) and rsplit
print("  a  b ".split(), "a\tb\nc".split(), "".split(), "   ".split()); // expect: ["a", "b"] ["a", "b", "c"] [] []
print("a,,b".split(","), "a  b".split(" "), "".split(","), "x".split("x")); // expect: ["a", "", "b"] ["a", "", "b"] [""] ["", ""]
print("a,b,c".split(",", 1), "a b c d".split(" ", 2), "a,b".split(",", 0), "a,b,c".split(",", -1)); // expect: ["a", "b,c"] ["a", "b", "c d"] ["a,b"] ["a", "b", "c"]
print("abcabc".split("bc"), "a--b--c".split("--")); // expect: ["a", "a", ""] ["a", "b", "c"]
print("a,b,c".rsplit(",", 1), "a b c".rsplit(null, 1), "a,b,c".rsplit(","), "a b".rsplit()); // expect: ["a,b", "c"] ["a b", "c"] ["a", "b", "c"] ["a", "b"]
print("a b c".split(null, 1)); // expect: ["a", "b c"]
try {
    "abc".split("");
} except (e) {
    print(e.type);
}
// expect: ValueError
print("é,ü,,ö".split(","), "aébéc".split("é"), "日本 語".split(" ", 1)); // expect: ["é", "ü", "", "ö"] ["a", "b", "c"] ["日本", "語"]
