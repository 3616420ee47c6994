// §3.1 `function` is a statement; function values are written with `fn`
print("never");
f = function(x) { return x; };
// expect-static: SyntaxError@3
