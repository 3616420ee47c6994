// §2.7 there are no bitwise operators
print("never");
x = 1 & 2;
// expect-static: SyntaxError@3
