// The source of an object destructuring is evaluated once (spec 6.3), even when it is
// one of the names it binds.
o = {o: {x: 5}, x: 1};
{o, x} = o;
print(o, x);
d = {d: true, i: 2};
{d, i} = d;
print(d, i);
p = {q: 7, p: "s"};
{q, p} = p;
print(p, q);
