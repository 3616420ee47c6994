// §3.2 there is no declaration keyword: `const` and `var` are rejected too
print("never");
const limit = 10;
var count = 0;
// expect-static: SyntaxError@3
// expect-static: SyntaxError@4
