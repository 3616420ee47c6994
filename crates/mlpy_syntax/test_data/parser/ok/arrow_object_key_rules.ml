// After `=>`, `{` is an object if `}` or NAME/STRING `:` follows.
a = fn() => { a; };
b = fn() => { a: 1 };
c = fn() => { "s": 1 };
d = fn() => { "s"; };
e = fn() => { return {}; };
f = fn() => { {a: 1}; };
g = fn() => { [x, y] = p; return x; };
h = fn() => { {a, b} = p; return a; };
