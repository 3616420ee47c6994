// §3.1 a member name is a NAME, not a number
print("never");
a = [1]; x = a.0;
// expect-static: SyntaxError@3
