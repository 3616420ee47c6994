// §2.6 `\u` must be followed by four hexadecimal digits or a braced code point
print("never");
s = "\u12";
// expect-static: SyntaxError@3
