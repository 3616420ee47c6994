// §3.4 a loop outside the enclosing function does not count for `break`
print("never");
for (i in [1]) { function g() { break; } }
// expect-static: SyntaxError@3
