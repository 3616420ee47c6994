o = {o: {x: 5}, x: 1};
{o, x} = o;
a = [1, 2];
[b, a] = a;
[a, b] = [b, a];
function f(p) {
    {p, q} = p;
    return q;
}
print(x, a, b, f({p: 1, q: 2}));
