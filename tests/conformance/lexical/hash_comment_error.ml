// §2.2 `#` is not a comment
print("never");
# not a comment
// expect-static: SyntaxError@3
