// §2.7 there is no `...`
print("never");
a = [1]; b = [...a];
// expect-static: SyntaxError@3
