// §2.6 an escape that denotes a surrogate code point is a syntax error
print("never");
s = "\uD800";
// expect-static: SyntaxError@3
