// §3.2 `else if` does not exist; use `elif`
print("never");
if (true) { print(1); } else if (false) { print(2); }
// expect-static: SyntaxError@3
