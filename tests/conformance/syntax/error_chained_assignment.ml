// §6.2 there is no chained assignment
print("never");
a = b = 1;
// expect-static: SyntaxError@3
