// §3.2 there is no empty statement: `;` after a function definition
print("never");
function f() { return 1; };
// expect-static: SyntaxError@3
