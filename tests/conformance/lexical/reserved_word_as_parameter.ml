// §2.4 a reserved word cannot be a parameter name
print("never");
function f(return) { }
// expect-static: SyntaxError@3
