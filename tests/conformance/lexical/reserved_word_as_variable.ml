// §2.4 a reserved word cannot be a variable name
print("never");
function = 5;
// expect-static: SyntaxError@3
