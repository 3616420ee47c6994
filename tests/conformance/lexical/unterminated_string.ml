// §2.6 a string without its closing quote is a syntax error
// expect-static: SyntaxError@4
print("never");
s = "never closed;