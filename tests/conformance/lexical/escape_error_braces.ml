// §2.6 `\u{...}` takes one to six hexadecimal digits
print("never");
s = "\u{1234567}";
// expect-static: SyntaxError@3
