// §2.4 a reserved word cannot be a loop variable
print("never");
for (if in [1, 2]) { }
// expect-static: SyntaxError@3
