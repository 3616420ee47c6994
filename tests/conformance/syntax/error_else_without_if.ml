// §3.1 `else` only follows an `if` or `elif` block
print("never");
else { print(1); }
// expect-static: SyntaxError@3
