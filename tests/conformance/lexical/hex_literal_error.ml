// §2.5 there are no hexadecimal literals: `0x10` is a syntax error
print("never");
y = 0x10;
// expect-static: SyntaxError@3
