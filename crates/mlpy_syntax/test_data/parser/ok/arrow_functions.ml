// Arrow functions: expression bodies, block bodies and object bodies (spec §3.2).
a = fn() => {};
b = fn(k) => {value: k};
c = fn(x) => { return x; };
d = fn() => {"key": 1};
e = fn() => {if: 1};
f = fn(x) => x + 1;
g = fn(x) => a ? b : c;
h = fn(a) => fn(b) => a + b;
i = [fn() => { return 1; }, 2];
j = {k: fn() => { return 1; }};
k = c ? fn() => { return 1; } : fn() => { return 2; };
l = map(fn(x) => { return x * 2; }, items);
m = fn(x, y: int) => { x = x + y; return x; };
n = fn() => { x; };
o = fn() => {
};
p = fn(x) => [x];
fn(x) => x;
