// §3.4 `nonlocal x` after `x` is used in the same function is a syntax error
n = 0;
function f() { print(n); nonlocal n; n = 1; }
// expect-static: SyntaxError@3
