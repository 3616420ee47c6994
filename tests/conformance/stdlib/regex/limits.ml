// §12.7 regex: a pattern too large for the engine is a ValueError, never an abort — many groups would need a capture table of states × groups (`"(a)" * 20000`: 19 GB)
import regex;
for (p in ["(a)" * 20000, "(a)" * 2000, "(\w+) " * 100, "a{1000000}"]) {
    try { regex.compile(p); print("compiled"); } except (e) { print(e.type, e.message.find("too large for the regex engine") > 0); }
}
// expect: ValueError true
// expect: ValueError true
// expect: ValueError true
// expect: ValueError true
// Ordinary patterns with many groups still work, also on long matches.
m = regex.search("(\w+) " * 20, ("a" * 5000 + " ") * 20);
print(m.span(), m.groupCount(), m.span(20)); // expect: [0, 100020] 20 [95019, 100019]
print(regex.search("(a)" * 300 + "b", "a" * 300 + "b").span()); // expect: [0, 301]
// A template's group number too large for any pattern is named as written.
try { regex.sub("(a)", "\g<99999999999999999999999>", "a"); } except (e) { print(e.type, e.message); }
// expect: IndexError invalid group reference 99999999999999999999999 in replacement template "\\g<99999999999999999999999>": the pattern has 1 group(s)
try { regex.sub("(a)", "\g<0002>", "a"); } except (e) { print(e.type, e.message); }
// expect: IndexError invalid group reference 2 in replacement template "\\g<0002>": the pattern has 1 group(s)
