// §3.4 `nonlocal` at the top level of a file is a syntax error
x = 1;
nonlocal x;
// expect-static: SyntaxError@3
