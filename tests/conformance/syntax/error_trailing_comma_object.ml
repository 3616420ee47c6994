// §3.2 no trailing commas in object literals
print("never");
x = {a: 1, };
// expect-static: SyntaxError@3
