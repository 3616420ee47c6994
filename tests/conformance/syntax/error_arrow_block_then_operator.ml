// §3.2 no operator may follow the block body of an arrow function
print("never");
f = fn() => { return 1; } + 1;
// expect-static: SyntaxError@3
