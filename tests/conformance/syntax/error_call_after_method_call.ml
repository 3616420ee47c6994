// §3.2 an argument list may not follow a method call
print("never");
x = "a".upper()(1);
// expect-static: SyntaxError@3
