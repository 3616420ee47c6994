// §2.6 an escape above U+10FFFF is a syntax error
print("never");
s = "\u{110000}";
// expect-static: SyntaxError@3
