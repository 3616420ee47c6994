// §6.2 assignment is not an expression
print("never");
x = 0; if (x = 1) { print(x); }
// expect-static: SyntaxError@3
