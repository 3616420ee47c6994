// §3.1 an assignment needs an expression
print("never");
x = ;
// expect-static: SyntaxError@3
