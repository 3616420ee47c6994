// §12.7 regex: findall, split, sub and subn as Python 3.7+ — empty matches, groups that did not take part, templates
import regex;
// Empty matches: allowed next to a previous match, never twice at one position.
print(regex.findall("x*", "abxd"), regex.sub("x*", "-", "abxd"), regex.split("x*", "axbc")); // expect: ["", "", "x", "", ""] -a-b--d- ["", "a", "", "b", "c", ""]
print(regex.findall("|a", "a"), regex.findall("a|", "ab"), regex.sub("", "-", "ab"), regex.split("", "ab")); // expect: ["", "a", ""] ["a", "", ""] -a-b- ["", "a", "b", ""]
print(regex.findall("\b", "ab cd").length, regex.split("\b", "ab cd"), regex.subn("(?=b)", "^", "abab")); // expect: 4 ["", "ab", " ", "cd", ""] {"result": "a^ba^b", "count": 2}
// Groups that did not take part: "" in findall, null in split, "" in templates.
print(regex.findall("(a)|(b)", "ab"), regex.split("(a)|(b)", "xaybz"), regex.sub("(a)|(b)", "[\1\2]", "ab")); // expect: [["a", ""], ["", "b"]] ["x", "a", null, "y", null, "b", "z"] [a][b]
print(regex.split("(-)", "-a-"), regex.split("-", "-a-"), regex.split(",", ""), regex.split("x", "abc")); // expect: ["", "-", "a", "-", ""] ["", "a", ""] [""] ["abc"]
// Templates: \1…\99, \g<n>, \g<name>, \g<0>, escapes; unknown escapes of punctuation are kept.
print(regex.sub("(\w+) (\w+)", "\2 \1", "hello world"), regex.sub("(?P<w>o)", "\g<w>\g<w>", "foo"), regex.sub("b", "<\g<0>>", "abc")); // expect: world hello foooo a<b>c
print(regex.sub("a", "\n", "a") == "\n", regex.sub("a", "\\n", "a") == "\n", regex.sub("a", "\\t|\\\\", "a") == "\t|\\", regex.sub("a", "\.\-", "a")); // expect: true true true \.\-
print(regex.sub("(a)", "\1\\0612", "a"), regex.sub("((((((((((a))))))))))", "\10", "a"), regex.sub("(a)", "\g<1>0", "a")); // expect: a12 a a0
print(regex.subn("o", "0", "foo boo", 3), regex.subn("z", "0", "foo")); // expect: {"result": "f00 b0o", "count": 3} {"result": "foo", "count": 0}
// Template errors: a group that does not exist is an IndexError, a malformed template a ValueError.
for (t in ["\2", "\g<2>", "\g<name>", "\g<1", "\g<>", "\g<a-b>", "\q", "\\", "\g"]) {
    try { regex.sub("(a)", t, "a"); print(t, "ok"); } except (e) { print(t, e.type); }
}
// expect: \2 IndexError
// expect: \g<2> IndexError
// expect: \g<name> IndexError
// expect: \g<1 ValueError
// expect: \g<> ValueError
// expect: \g<a-b> ValueError
// expect: \q ValueError
// expect: \ ValueError
// expect: \g ValueError
// A template is checked even when nothing matches.
try { regex.sub("z", "\3", "abc"); } except (e) { print(e.type); }
// expect: IndexError
// Counts: 0 means all; a negative count or maxsplit is a ValueError.
print(regex.split("a", "banana", 0), regex.sub("a", "o", "banana", 0)); // expect: ["b", "n", "n", ""] bonono
try { regex.sub("a", "o", "banana", -1); } except (e) { print(e.type, e.message); }
// expect: ValueError `regex.sub`: count must be 0 (no limit) or positive, got -1
try { regex.split("a", "banana", -2); } except (e) { print(e.type); }
// expect: ValueError
// Non-ASCII text: positions and pieces in code points.
print(regex.split("é", "aébéc"), regex.sub("(ü)", "[\1]", "aüb"), regex.findall(".", "aé\u{1F600}")); // expect: ["a", "b", "c"] a[ü]b ["a", "é", "😀"]
