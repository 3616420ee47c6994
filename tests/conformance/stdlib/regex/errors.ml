// §12.7 regex: invalid patterns are ValueErrors with Python's reason; wrong kinds are TypeErrors; bad flags ValueErrors
import regex;
for (p in ["(", ")", "a**", "*a", "[a", "[z-a]", "(?P<1>a)", "(?P<a>x)(?P<a>y)", "\1(a)", "(a\1)", "(?<=a+)b", "a{3,2}", "\q", "(?z)", "a(?i)b", "(?P=nope)", "\8", "[\8]", "\400", "(?(2)a)", "\N{DIGIT ONE}"]) {
    try { regex.compile(p); print(p, "ok"); } except (e) { print(e.type, e.message); }
}
// expect: ValueError invalid regular expression "(": missing ), unterminated subpattern at position 0
// expect: ValueError invalid regular expression ")": unbalanced parenthesis at position 0
// expect: ValueError invalid regular expression "a**": multiple repeat at position 2
// expect: ValueError invalid regular expression "*a": nothing to repeat at position 0
// expect: ValueError invalid regular expression "[a": unterminated character set at position 0
// expect: ValueError invalid regular expression "[z-a]": bad character range z-a at position 1
// expect: ValueError invalid regular expression "(?P<1>a)": bad character in group name '1' at position 4
// expect: ValueError invalid regular expression "(?P<a>x)(?P<a>y)": redefinition of group name 'a' as group 2; was group 1 at position 12
// expect: ValueError invalid regular expression "\\1(a)": invalid group reference 1 at position 1
// expect: ValueError invalid regular expression "(a\\1)": cannot refer to an open group at position 2
// expect: ValueError invalid regular expression "(?<=a+)b": look-behind requires fixed-width pattern
// expect: ValueError invalid regular expression "a{3,2}": min repeat greater than max repeat at position 2
// expect: ValueError invalid regular expression "\\q": bad escape \q at position 0
// expect: ValueError invalid regular expression "(?z)": unknown extension ?z at position 1
// expect: ValueError invalid regular expression "a(?i)b": global flags not at the start of the expression at position 1
// expect: ValueError invalid regular expression "(?P=nope)": unknown group name 'nope' at position 4
// expect: ValueError invalid regular expression "\\8": invalid group reference 8 at position 1
// expect: ValueError invalid regular expression "[\\8]": bad escape \8 at position 1
// expect: ValueError invalid regular expression "\\400": octal escape value \400 outside of range 0-0o377 at position 0
// expect: ValueError invalid regular expression "(?(2)a)": invalid group reference 2 at position 3
// expect: ValueError invalid regular expression "\\N{DIGIT ONE}": named Unicode escapes (\N{...}) are not supported; write the character or \uXXXX at position 0
// Every function reports an invalid pattern the same way.
for (f in [fn() => regex.search("(", "x"), fn() => regex.findall("(", "x"), fn() => regex.sub("(", "", "x"), fn() => regex.split("(", "x"), fn() => regex.test("(", "x"), fn() => regex.count("(", "x")]) {
    try { f(); } except (e) { print(e.type); }
}
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// A repeated group that can match the empty string is refused: Python and the engine record different groups.
try { regex.compile("(a|)+"); } except (e) { print(e.type, e.message.find("not supported") > 0); }
// expect: ValueError true
// So is a possessive repeat of a body that can match empty with a group in it: CPython 3.11
// gives `(?:(a)|)*+` on "a" the group span (1, 1).
try { regex.compile("(?:(a)|)*+"); } except (e) { print(e.type, e.message.find("not supported") > 0); }
// expect: ValueError true
print(regex.match("(a|)+?b", "ab").value(), regex.match("(?:a|)+", "aa").value(), regex.match("(a+)*", "aa").groups()); // expect: ab aa ["aa"]
// Flags: only the six flag values, combined with +.
for (fl in [1, 4, 128, 512, -1, regex.ASCII() + regex.UNICODE()]) {
    try { regex.compile("a", fl); print(fl, "ok"); } except (e) { print(fl, e.type); }
}
// expect: 1 ValueError
// expect: 4 ValueError
// expect: 128 ValueError
// expect: 512 ValueError
// expect: -1 ValueError
// expect: 288 ValueError
try { regex.compile("(?u)a", regex.ASCII()); } except (e) { print(e.type); }
// expect: ValueError
// Wrong kinds: TypeError.
for (f in [fn() => regex.search(1, "x"), fn() => regex.search("x", null), fn() => regex.compile("x", "i"), fn() => regex.compile("x", true), fn() => regex.sub("x", fn(m) => "y", "x"), fn() => regex.split("x", "y", 1.0), fn() => regex.escape(5), fn() => regex.isValid(null), fn() => regex.compile("x").search("y", "0"), fn() => regex.compile()]) {
    try { f(); print("ok"); } except (e) { print(e.type); }
}
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
