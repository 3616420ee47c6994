// ยง2.1 invalid UTF-8 is a syntax error: ÿþ here
// expect-static: SyntaxError@1
print("never");
