// §3.1 no trailing commas in parameter lists
print("never");
function f(a, ) { }
// expect-static: SyntaxError@3
