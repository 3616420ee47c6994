// §3.1 parentheses must balance
print("never");
print((1);
// expect-static: SyntaxError@3
