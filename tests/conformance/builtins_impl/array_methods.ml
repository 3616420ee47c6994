// §10.2 array methods: results, in-place changes, equality by value, positions
a = [3, 1, 2];
print(a.length, a.append(4), a.extend("xy"), a, a.length); // expect: 3 null null [3, 1, 2, 4, "x", "y"] 6
a.extend(a);
print(len(a), a[6:]); // expect: 12 [3, 1, 2, 4, "x", "y"]
b = [1, 2, 3];
print(b.insert(1, "i"), b.insert(-1, "j"), b.insert(99, "k"), b.insert(-99, "l"), b); // expect: null null null null ["l", 1, "i", 2, "j", 3, "k"]
c = [1, 2.0, "2", 2, [1]];
print(c.remove(2), c.copy(), c.remove([1.0]), c); // expect: null [1, "2", 2, [1]] null [1, "2", 2]
d = [10, 20, 30, 40];
print(d.pop(), d.pop(0), d.pop(-1), d.pop(null), d); // expect: 40 10 30 20 []
e = [1, 2, 1.0, 3, 1];
print(e.index(1), e.index(1, 1), e.index(1.0, -1), e.index(3, 0, 4), e.index(2, null, null), e.count(1), e.count("1"), e.count(true)); // expect: 0 2 4 3 1 3 0 0
f = [[1], [1], {k: 1}];
print(f.count([1]), f.count({k: 1.0}), f.index({k: 1})); // expect: 2 1 2
g = [1, 2, 3];
h = g.copy();
h.append(4);
print(g, h, g.copy() == g); // expect: [1, 2, 3] [1, 2, 3, 4] true
print(g.reverse(), g); // expect: null [3, 2, 1]
print(g.clear(), g, len(g), h); // expect: null [] 0 [1, 2, 3, 4]
nested = [[2], [1]];
alias = nested;
nested.sort();
print(alias, [].sort(), [5].copy()); // expect: [[1], [2]] null [5]
self = [1];
self.append(self);
print(self.index(1), len(self)); // expect: 0 2
try {
    self.count(self);
} except (err) {
    print(err.type);
}
// expect: RecursionError
bound = [1, 2].pop;
print(bound(), bound(), typeof(bound)); // expect: 2 1 function
items = [];
for (i in range(5)) {
    items.insert(0, i);
}
print(items); // expect: [4, 3, 2, 1, 0]
