// §12.7 regex: Pattern methods, pos/endpos, the pattern property, getFlags and toString
import regex;
p = regex.compile("(?P<word>[a-z]+)(\d*)");
print(p.pattern, p.getPattern(), p.getFlags()); // expect: (?P<word>[a-z]+)(\d*) (?P<word>[a-z]+)(\d*) 32
print(p.search("12 abc3 de").span(), p.match("abc3").groups(), p.match("1abc"), p.fullmatch("ab12").value()); // expect: [3, 7] ["abc", "3"] null ab12
print(p.findall("ab1 cd ef22"), len(p.finditer("ab1 cd ef22"))); // expect: [["ab", "1"], ["cd", ""], ["ef", "22"]] 3
print(p.split("ab1 cd"), p.split("ab1 cd", 1)); // expect: ["", "ab", "1", " ", "cd", "", ""] ["", "ab", "1", " cd"]
print(p.sub("<\g<word>>", "ab1 cd"), p.subn("#", "ab1 cd", 1)); // expect: <ab> <cd> {"result": "# cd", "count": 1}
print(p.test("123"), p.test("1a"), p.count("a b c1")); // expect: false true 3
// pos and endpos search text[pos:endpos], positions stay relative to the text.
q = regex.compile("\w+");
print(q.search("ab cd ef", 1).span(), q.search("ab cd ef", 3, 4).span(), q.search("ab cd ef", 2, 3)); // expect: [1, 2] [3, 4] null
print(q.findall("ab cd ef", 3), q.findall("ab cd ef", 0, 4), len(q.finditer("ab cd ef", 4))); // expect: ["cd", "ef"] ["ab", "c"] 2
print(q.match("ab cd", 3).value(), q.match("ab cd", 2), q.fullmatch("ab cd", 3).value(), q.fullmatch("ab cd", 0, 2).value()); // expect: cd null cd ab
// `^` and `\A` do not match at pos; `$` matches at endpos; look-behinds see before pos.
print(regex.compile("^c").search("abc", 2), regex.compile("c$").search("abcd", 0, 3).span()); // expect: null [2, 3]
print(regex.compile("(?<=b)c").search("abc", 2).span(), regex.compile("\bc").search("abc", 2)); // expect: [2, 3] null
// Out-of-range positions are clamped as Python's re does; pos > endpos finds nothing.
print(q.search("abc", -5).span(), q.search("abc", 1, 99).span(), q.search("abc", 2, 1), q.findall("abc", 5)); // expect: [0, 3] [1, 3] null []
print(q.search("abc", 0, null).span(), q.search("abc", 3)); // expect: [0, 3] null
// Code-point positions in non-ASCII text.
w = regex.compile("ü+");
print(w.search("aéüüb").span(), w.search("aéüüb", 3).span(), w.findall("üaü", 1)); // expect: [2, 4] [3, 4] ["ü"]
// toString: the literal form of the pattern and the flags set among IGNORECASE, MULTILINE, DOTALL, VERBOSE.
print(regex.compile("\d+", regex.IGNORECASE()).toString()); // expect: Pattern("\\d+", flags=IGNORECASE)
print(regex.compile("a\"b").toString(), regex.compile("x", regex.ASCII()).toString()); // expect: Pattern("a\"b") Pattern("x")
print(regex.compile("x", regex.VERBOSE() + regex.DOTALL() + regex.MULTILINE() + regex.IGNORECASE()).toString()); // expect: Pattern("x", flags=IGNORECASE | MULTILINE | DOTALL | VERBOSE)
print(regex.compile("(?i)x").toString(), regex.compile("(?s)x").getFlags(), regex.compile("x", regex.ASCII()).getFlags()); // expect: Pattern("(?i)x", flags=IGNORECASE) 48 256
// Library object behaviour: methods are bound, pattern is read-only.
f = p.test;
print(f("a"), hasattr(p, "pattern"), hasattr(p, "search"), hasattr(p, "nope"), methods(p)[0]); // expect: true true true false count
try { p.nope(); } except (e) { print(e.type); }
// expect: AttributeError
