// §6.3 the destructured value is evaluated once, even when the pattern rebinds its source
o = {o: {x: 5}, x: 1};
{o, x} = o;
print(x); // expect: 1
print(o); // expect: {"x": 5}
p = {a: 1, p: 2};
{p, a} = p;
print(p, a); // expect: 2 1
a = [[9], 2];
[a, b] = a;
print(a, b); // expect: [9] 2
c = 1;
d = 2;
[c, d] = [d, c];
print(c, d); // expect: 2 1
function f(o) {
    {o, x} = o;
    return [o, x];
}
print(f({o: "in", x: "out"})); // expect: ["in", "out"]
