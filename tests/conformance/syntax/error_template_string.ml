// §2.7 there are no template strings
print("never");
x = `t`;
// expect-static: SyntaxError@3
