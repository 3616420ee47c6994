// §3.4 `nonlocal x` where `x` is a parameter of the same function is a syntax error
a = 1;
function f(a) { nonlocal a; a = 2; }
// expect-static: SyntaxError@3
