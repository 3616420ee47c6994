// §3.4 `nonlocal x` after `x` is assigned in the same function is a syntax error
n = 0;
function f() { n = 5; nonlocal n; }
// expect-static: SyntaxError@3
