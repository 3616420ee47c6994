// §3.2 a reserved word cannot be a parameter annotation
print("never");
function f(x: if) { return x; }
// expect-static: SyntaxError@3
