// §3.4 `nonlocal x` needs an enclosing binding of `x` other than the prelude
print("never");
function f() { nonlocal zz; zz = 1; }
// expect-static: SyntaxError@3
