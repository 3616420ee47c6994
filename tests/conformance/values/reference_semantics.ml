// §4.4 arrays and objects are reference values
x = [1, 2, 3];
y = x;
y[0] = 99;
print(x[0], x == y); // expect: 99 true
grid = [[0] * 2] * 2;
grid[0][0] = 5;
print(grid); // expect: [[5, 0], [5, 0]]
function mutate(a) {
    a.append("m");
}
mutate(x);
print(x); // expect: [99, 2, 3, "m"]
o = {k: []};
inner = o.k;
inner.append(1);
print(o); // expect: {"k": [1]}
c = x.copy();
c[0] = 0;
print(x[0], c[0]); // expect: 99 0
s = x[:];
s.append("t");
print(len(x), len(s)); // expect: 4 5
holder = {list: x};
holder.list.append("h");
print(len(x)); // expect: 5
