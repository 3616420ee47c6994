// §3.4 two parameters of one arrow function with the same name
print("never");
f = fn(x, x) => x;
// expect-static: SyntaxError@3
