// §2.1 §2.3 characters outside ASCII may appear only in strings and comments
print("never");
café = 1;
// expect-static: SyntaxError@3
