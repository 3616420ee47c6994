// §2.6 `\x` must be followed by two hexadecimal digits
print("never");
s = "\x4g";
// expect-static: SyntaxError@3
