// §3.4 a loop outside the enclosing arrow function does not count for `continue`
print("never");
while (true) { f = fn() => { continue; }; break; }
// expect-static: SyntaxError@3
