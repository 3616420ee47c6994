// §2.7 there is no `===`
print("never");
x = 1 === 1;
// expect-static: SyntaxError@3
