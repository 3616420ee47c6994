// §10.1 string methods: results, optional arguments given as null, code point positions
s = "héllo wörld";
print(s.length, s.upper(), "ß".upper(), "ÀB".lower(), "hELLO wORLD".capitalize(), "they're bill's".title()); // expect: 11 HÉLLO WÖRLD SS àb Hello world They'Re Bill'S
print("AbC".swapcase(), "".capitalize(), "ǆx".title(), "123abc".capitalize()); // expect: aBc  ǅx 123abc
print("  x  ".strip() + "|", "  x  ".lstrip() + "|", "  x  ".rstrip() + "|", "xxaxx".strip("x"), "abcba".strip("ab"), "\t\n x\r".strip(null)); // expect: x| x  |   x| a c x
print("a-b-c".replace("-", "+"), "a-b-c".replace("-", "", 1), "abc".replace("", "."), "aaa".replace("a", "b", -1), "aaa".replace("a", "b", null), "aaa".replace("a", "b", 0)); // expect: a+b+c ab-c .a.b.c. bbb bbb aaa
print("a,,b".split(","), "  a  b ".split(), "a b c".split(null, 1), "a b c".rsplit(null, 1), "a,b,c".rsplit(",", 1), "".split(), "".split(",")); // expect: ["a", "", "b"] ["a", "b"] ["a", "b c"] ["a b", "c"] ["a,b", "c"] [] [""]
print("x".join([]), ", ".join(["a"]), "".join("abc"), "-".join({k: 1, j: 2}), "/".join(iter(["p", "q"]))); // expect:  a abc k-j p/q
print(s.startswith("hé"), s.startswith("llo", 2), s.startswith("hé", 1), s.endswith("wörld"), s.endswith("llo", 0, 5), s.endswith("d", null, null)); // expect: true true false true true true
print(s.find("ö"), s.find("l"), s.rfind("l"), s.find("l", 4), s.find("l", -3), s.find("zz"), s.find(""), s.find("", 11), s.find("", 12)); // expect: 7 2 9 9 9 -1 0 11 -1
print(s.index("w"), s.rindex("o"), s.count("l"), s.count("l", 3), s.count(""), "aaaa".count("aa"), s.count("l", null, 4)); // expect: 6 4 3 2 12 2 2
print("123".isdigit(), "²".isdigit(), "12a".isdigit(), "".isdigit(), "abé".isalpha(), "ab1".isalnum(), " \t\n".isspace(), "".isspace()); // expect: true true false false true true true false
print("ABC1".isupper(), "AbC".isupper(), "abc!".islower(), "123".islower(), "Hello World".istitle(), "Hello world".istitle(), "".istitle()); // expect: true false true false true false false
print("abc".center(6, "*"), "ab".center(5, "*"), "abc".center(2), "x".ljust(3, "é") + "|", "x".rjust(3), "x".center(4, null) + "|", "abc".ljust(-5)); // expect: *abc** **ab* abc xéé|   x  x  | abc
m = "Mixed".lower;
print(m(), m == m, typeof("x".split)); // expect: mixed true function
