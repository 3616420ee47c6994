// §3.2 there is no declaration keyword
print("never");
let x = 1;
// expect-static: SyntaxError@3
