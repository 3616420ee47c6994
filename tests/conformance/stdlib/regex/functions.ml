// §12.7 regex: every module function, the flags, escape and isValid
import regex;
print(regex.IGNORECASE(), regex.MULTILINE(), regex.DOTALL(), regex.UNICODE(), regex.VERBOSE(), regex.ASCII()); // expect: 2 8 16 32 64 256
p = regex.compile("(\d+)-(\d+)");
print(typeof(p), isinstance(p, "Pattern"), p); // expect: object true <Pattern>
m = regex.search("(\d+)-(\d+)", "call 555-1234 now");
print(m.value(), m.span(), m.groups()); // expect: 555-1234 [5, 13] ["555", "1234"]
print(regex.search("x", "abc"), regex.match("b", "abc"), regex.match("a", "abc").value()); // expect: null null a
print(regex.fullmatch("a|ab", "ab").value(), regex.fullmatch("a", "ab")); // expect: ab null
print(regex.findall("\d+", "a1 b22 c333")); // expect: ["1", "22", "333"]
print(regex.findall("(\w)(\d)?", "a1 b c3")); // expect: [["a", "1"], ["b", ""], ["c", "3"]]
print(regex.findall("(\w)\d", "a1 b2")); // expect: ["a", "b"]
print(len(regex.finditer("o", "foo boo")), regex.finditer("o", "foo boo")[2].span()); // expect: 4 [5, 6]
print(regex.split("[,;]\s*", "a, b;c")); // expect: ["a", "b", "c"]
print(regex.split("(,)|(;)", "a,b;c")); // expect: ["a", ",", null, "b", null, ";", "c"]
print(regex.split(",", "a,b,c,d", 2)); // expect: ["a", "b", "c,d"]
print(regex.sub("(\w+)@(\w+)", "\2 at \1", "me@home, you@work")); // expect: home at me, work at you
print(regex.sub("a", "b", "aaa", 2), regex.sub("x", "y", "abc")); // expect: bba abc
print(regex.subn("a", "b", "banana")); // expect: {"result": "bbnbnb", "count": 3}
print(regex.subn("a", "b", "banana", 1)); // expect: {"result": "bbnana", "count": 1}
print(regex.test("\d", "abc1"), regex.test("\d", "abc")); // expect: true false
print(regex.count("a", "banana"), regex.count("", "abc"), regex.count("x*", "abxd")); // expect: 3 4 5
// Flags, combined with +, on every function that takes them.
print(regex.search("HELLO", "say hello", regex.IGNORECASE()).value()); // expect: hello
print(regex.findall("^\w", "one\ntwo\nthree", regex.MULTILINE())); // expect: ["o", "t", "t"]
print(regex.findall("^\w", "one\ntwo"), regex.match("a.b", "a\nb"), regex.match("a.b", "a\nb", regex.DOTALL()).span()); // expect: ["o"] null [0, 3]
print(regex.findall("^T", "one\nTwo\nthree", regex.MULTILINE() + regex.IGNORECASE())); // expect: ["T", "t"]
print(regex.match("a b c  # letters", "abc", regex.VERBOSE()).value()); // expect: abc
print(regex.findall("\w+", "héllo wörld", regex.ASCII()), regex.findall("\w+", "héllo wörld", regex.UNICODE())); // expect: ["h", "llo", "w", "rld"] ["héllo", "wörld"]
print(regex.split("x", "axbxc", 0, regex.IGNORECASE()), regex.split("X", "axbxc", 1, regex.IGNORECASE())); // expect: ["a", "b", "c"] ["a", "bxc"]
print(regex.sub("X", "-", "axbx", 0, regex.IGNORECASE()), regex.subn("X", "-", "axbx", 1, regex.IGNORECASE())["count"]); // expect: a-b- 1
print(regex.test("B", "abc", regex.IGNORECASE()), regex.count("A", "aAa", regex.IGNORECASE())); // expect: true 3
print(len(regex.finditer("A", "aAa", regex.IGNORECASE())), regex.fullmatch("ABC", "abc", regex.IGNORECASE()).value()); // expect: 3 abc
// A compiled Pattern may be passed for p (without flags).
print(regex.findall(p, "1-2 3-4"), regex.sub(p, "\2-\1", "1-2")); // expect: [["1", "2"], ["3", "4"]] 2-1
try { regex.search(p, "1-2", regex.IGNORECASE()); } except (e) { print(e.type); }
// expect: ValueError
// escape: a backslash before each special character, space and the ASCII controls listed.
print(regex.escape("a.b*c (1+1) [x] {2} ? | ^ $ \\ - & ~ #")); // expect: a\.b\*c\ \(1\+1\)\ \[x\]\ \{2\}\ \?\ \|\ \^\ \$\ \\\ \-\ \&\ \~\ \#
print(regex.escape("tab\there") == "tab\\\there", regex.escape("é_1!%\"'"), len(regex.escape(""))); // expect: true é_1!%"' 0
print(regex.fullmatch(regex.escape("1+1=2?"), "1+1=2?").value()); // expect: 1+1=2?
print(regex.isValid("(a|b)+"), regex.isValid("(a"), regex.isValid("a**"), regex.isValid("")); // expect: true false false true
