// §2.7 `in` is not an operator outside a `for` head
print("never");
x = 1 in [1];
// expect-static: SyntaxError@3
