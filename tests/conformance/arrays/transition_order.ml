// §10.2 sort, sorted, min and max of arrays of ints, before and after other kinds of items are stored
a = [5, 3, 9, 1, 3];
a.sort();
print(a); // expect: [1, 3, 3, 5, 9]
print(sorted([4, -2, 7], true), sorted([4, -2, 7])); // expect: [7, 4, -2] [-2, 4, 7]
b = [3, 1, 2];
b.append(0.5);
b.sort();
print(b); // expect: [0.5, 1, 2, 3]
// Equal int and float items keep their order (stable sort).
c = [2.0, 1, 2, 1.0];
c.sort();
print(c); // expect: [1, 1.0, 2.0, 2]
d = [2, 1.0, 1, 2.0];
d.sort();
print(d); // expect: [1.0, 1, 2, 2.0]
print(sorted(d, true)); // expect: [2, 2.0, 1.0, 1]
// An int array that held a string and lost it sorts like any int array.
e = [3, "x", 1, 2];
e.pop(1);
e.sort();
print(e); // expect: [1, 2, 3]
f = [3, 1, 2];
f.append("z");
try {
    f.sort();
} except (err) {
    print(err.type); // expect: TypeError
}
print(len(f), f.count("z")); // expect: 4 1
print(min([4, 2, 8]), max([4, 2, 8]), min([4, 2.5, 8]), max([1, 9223372036854775807 + 1])); // expect: 2 8 2.5 9223372036854775808
g = [1, 2, 3];
g.reverse();
h = g;
h.append("end");
g.reverse();
print(h); // expect: ["end", 1, 2, 3]
print(reversed([1, 2, 3]), reversed([1, "b", 3])); // expect: [3, 2, 1] [3, "b", 1]
print([1, 2, 3].index(3), [1, 2.0, 3].index(2), [1, 2, 2].count(2.0), [1, "2"].count(2)); // expect: 2 1 2 0
