// §3.4 two parameters of one function with the same name
print("never");
function f(a, b, a) { return a; }
// expect-static: SyntaxError@3
