// §12.7 regex: Python re syntax and its traps — $ and \Z, repeats, escapes, classes, flags, look-around, back-references
import regex;
// `$` also matches before a final line feed; `\Z` only at the very end.
print(regex.search("a$", "a\n").span(), regex.search("a\Z", "a\n"), regex.search("a\Z", "a").span()); // expect: [0, 1] null [0, 1]
print(regex.findall("$", "a\n"), regex.sub("$", "!", "a\n"), regex.search("a$", "a\nb")); // expect: ["", ""] a!
// expect: ! null
print(regex.findall("\w$", "a\nb\n", regex.MULTILINE()), regex.findall("^\w", "a\nb\n", regex.MULTILINE())); // expect: ["a", "b"] ["a", "b"]
print(regex.search("\Aa", "ba"), regex.search("^a", "b\na"), regex.search("^a", "b\na", regex.MULTILINE()).span()); // expect: null null [2, 3]
// Repeats: {m,n} forms, {,n} is {0,n}, a lone { is a literal; lazy and possessive forms.
print(regex.match("a{2}", "aaa").value(), regex.match("a{,2}", "aaa").value(), regex.match("a{2,}", "aaaa").value(), regex.match("a{1,2}?", "aaa").value()); // expect: aa aa aaaa a
print(regex.match("a{", "a{").value(), regex.match("a{1", "a{1").value(), regex.match("a{}", "a{}").value(), regex.match("x{a}", "x{a}").value()); // expect: a{ a{1 a{} x{a}
print(regex.match("a*?b", "aab").value(), regex.match("<.+?>", "<a><b>").value(), regex.match("a*+a", "aaa"), regex.match("(?>a+)b", "aab").value()); // expect: aab <a> null aab
// Back-references and octal escapes.
print(regex.search("(a)(b)\2\1", "xabba").span(), regex.search("(?P<q>['\"]).*?(?P=q)", "say 'hi' now").value()); // expect: [1, 5] 'hi'
print(regex.match("\101\0", "A\u{0}").span(), regex.match("[\101-\103]+", "ABCD").value(), regex.isValid("(a)\10")); // expect: [0, 2] ABC false
print(regex.match("\x41\u00e9\U0001F600\t", "Aé\u{1F600}\t").span(), regex.match("\.\+\(", ".+(").span()); // expect: [0, 4] [0, 3]
print(regex.match("(?i)(a)\1", "aA").span(), regex.match("(a)(?(1)b|c)", "ab").value(), regex.match("(a)?(?(1)b|c)", "c").value()); // expect: [0, 2] ab c
// Classes: ] first and - at the ends are literals; \b is a backspace; no set operations.
print(regex.findall("[]a-]", "a]-b"), regex.findall("[^]a]", "a]b"), regex.findall("[\b]", "a\u{8}b"), regex.findall("[a&&b]", "ab&")); // expect: ["a", "]", "-"] ["b"] ["\b"] ["a", "b", "&"]
print(regex.findall("[\d\s]", "a1 b"), regex.findall("[^\W\d]+", "ab12cd"), regex.findall("[[:a]+", "[:ab")); // expect: ["1", " "] ["ab", "cd"] ["[:a"]
// Categories are Unicode-aware unless ASCII: \w is letters, digits (any numeric) and _; \s includes \x1c.
print(regex.findall("\w+", "café ²_x ١٢"), regex.findall("\d", "1²٣"), regex.findall("\s", "a\u{1c} \u{a0}b").length); // expect: ["café", "²_x", "١٢"] ["1", "٣"] 3
print(regex.findall("(?a)\w+", "café"), regex.findall("\s", "\u{a0}\u{1c}", regex.ASCII())); // expect: ["caf"] []
print(regex.findall("\bx\b", "x éx x"), regex.findall("\Bé", "aé é"), regex.search("\B", "")); // expect: ["x", "x"] ["é"] null
// IGNORECASE follows Python's case folding, ASCII limits it to ASCII letters.
print(regex.findall("(?i)k", "kK\u{212a}"), regex.findall("(?ai)k", "kK\u{212a}"), regex.findall("(?i)[a-c]+", "AbC")); // expect: ["k", "K", "K"] ["k", "K"] ["AbC"]
print(regex.findall("(?i)σ", "Σσς"), regex.findall("(?i)i", "iIıİ"), regex.findall("(?i)ss", "ß")); // expect: ["Σ", "σ", "ς"] ["i", "I", "ı", "İ"] []
// Inline flags: global at the start, scoped groups.
print(regex.findall("(?i:a)b", "ABAbab"), regex.findall("(?i)a(?-i:b)", "ABAbab"), regex.match("(?s).", "\n").span(), regex.findall("(?m)^.", "a\nb")); // expect: ["Ab", "ab"] ["Ab", "ab"] [0, 1] ["a", "b"]
// VERBOSE: whitespace and comments are ignored, except in classes and when escaped.
print(regex.match("(?x) a b  # comment\n c", "abc").value(), regex.findall("(?x)[ ]a", " a"), regex.match("(?x)a\ b", "a b").value()); // expect: abc [" a"] a b
// Look-around (look-behind of fixed width).
print(regex.findall("\w+(?=!)", "hi! yo? ok!"), regex.findall("\b(?!no)\w+", "no yes nope"), regex.findall("(?<=\$)\d+", "$5 7 $12"), regex.findall("(?<!-)\b\d", "-1 2")); // expect: ["hi", "ok"] ["yes"] ["5", "12"] ["2"]
// Comments, non-capturing and named groups.
print(regex.match("a(?#note)b", "ab").value(), regex.match("(?:ab)+", "ababc").value(), regex.match("(?P<x>a)(?P<_y2>b)", "ab").groupDict()); // expect: ab abab {"x": "a", "_y2": "b"}
// A scoped ASCII flag applies to what it encloses (as CPython's re.match does; CPython 3.11's search misses this match, its first-character prefilter ignores scoped flags).
print(regex.search("(?a:\W)", "σ").span(), regex.search("(?a:\w)", "σa").span()); // expect: [0, 1] [1, 2]
