// §3.2 an argument list may not follow a parenthesised expression
print("never");
x = (fn(x) => x)(5);
// expect-static: SyntaxError@3
