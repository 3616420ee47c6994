// §3.2 an array destructuring pattern contains only identifiers
print("never");
[a, null] = [1, 2];
// expect-static: SyntaxError@3
