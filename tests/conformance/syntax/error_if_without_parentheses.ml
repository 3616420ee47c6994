// §3.2 the head of `if` requires parentheses
print("never");
if true { print(1); }
// expect-static: SyntaxError@3
