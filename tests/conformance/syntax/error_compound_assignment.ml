// §2.7 there is no compound assignment
print("never");
x = 1; x += 1;
// expect-static: SyntaxError@3
