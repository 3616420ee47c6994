// §3.2 there is no empty statement: `;` after a block
print("never");
if (true) { print(1); };
// expect-static: SyntaxError@3
