// §2.5 a `+` is only ever part of a number literal: `+x` is a syntax error
x = 1;
print(+x);
// expect-static: SyntaxError@3
