// §2.7 there is no `++`
print("never");
x = 1; x++;
// expect-static: SyntaxError@3
