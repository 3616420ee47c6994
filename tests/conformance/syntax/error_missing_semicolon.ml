// §3.1 statements end with `;`
print("never");
x = 1 y = 2;
// expect-static: SyntaxError@3
