// §3.2 an array destructuring pattern contains only identifiers (no indexes)
print("never");
[a, b[0]] = [1, 2];
// expect-static: SyntaxError@3
