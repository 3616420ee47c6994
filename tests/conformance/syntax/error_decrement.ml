// §2.7 there is no `--` operator (`- -x` with a space is two unary minus signs)
print("never");
x = 1; y = --x;
// expect-static: SyntaxError@3
