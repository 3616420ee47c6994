// §12.7 regex: a catastrophic pattern is stopped by the step budget with a RuntimeError; patterns without back-references or look-around run in linear time
import regex;
text = "a" * 40 + "c";
try {
    regex.search("(a|a)*\1b", text);
    print("matched");
} except (e) {
    print(e.type, e.message.find("backtracking") > 0, e.message.find("(a|a)*") > 0);
}
// expect: RuntimeError true true
try { regex.findall("((a+)+)\2x", text); } except (e) { print(e.type); }
// expect: RuntimeError
// The same nested repeats without a back-reference: linear, whatever the length.
long = "a" * 200000 + "b";
print(regex.search("(a+)+$", long), regex.match("(a|aa)+b", long).span(), regex.test("(x+x+)+y", "x" * 100000)); // expect: null [0, 200001] false
print(regex.count("(?:a|a)*c", long), len(regex.findall("a{1,3}", long))); // expect: 0 66667
// A budget stop can be caught and the program goes on.
ok = 0;
for (i in range(3)) {
    try { regex.match("(a|a)*\1b", "a" * 30); } except (e) { if (e.type == "RuntimeError") { ok = ok + 1; } }
}
print(ok); // expect: 3
// The budget grows with the text: one search counts the steps of every start position,
// so a simple back-reference or look-behind over a long text is not stopped.
long = "the quick brown fox jumps over a lazy dog. " * 30000 + "the the end";
print(regex.findall("\b(\w+)\s+\1\b", long), regex.search("(?<=a)b", "x" * 1500000 + "ab").span()); // expect: ["the"] [1500001, 1500002]
// A catastrophic pattern on a long text is still stopped.
try { regex.search("(a|a)*\1b", "a" * 400000); } except (e) { print(e.type); }
// expect: RuntimeError
