// §3.4 `continue` inside an `if` that is not inside a loop is a syntax error
print("never");
if (true) { continue; }
// expect-static: SyntaxError@3
