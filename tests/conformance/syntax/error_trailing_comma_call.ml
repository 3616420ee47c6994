// §3.2 no trailing commas in argument lists
print("never");
print(1, );
// expect-static: SyntaxError@3
