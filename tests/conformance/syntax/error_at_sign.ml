// §2.7 `@` is not part of ML
print("never");
x = @f;
// expect-static: SyntaxError@3
