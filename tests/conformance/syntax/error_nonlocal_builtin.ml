// §3.4 the prelude does not count as an enclosing binding for `nonlocal`
print("never");
function f() { nonlocal len; len = 1; }
// expect-static: SyntaxError@3
