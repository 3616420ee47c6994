// §2.7 `**` is not an operator
print("never");
x = 2 ** 3;
// expect-static: SyntaxError@3
