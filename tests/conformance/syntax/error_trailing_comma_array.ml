// §3.2 no trailing commas in array literals
print("never");
x = [1, 2, ];
// expect-static: SyntaxError@3
