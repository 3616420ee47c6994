// §10.2 index(x[, start[, end]]) and count(x) compare with ==
a = [1, 2, 3, 2];
print(a.index(2), a.index(2, 2), a.index(2, -1), a.index(3, 0, 3), a.index(2.0)); // expect: 1 3 3 2 1
print([5, 1, 4, 1].count(1), [5, 1].count(9), [1, 1.0, true].count(1), [[1], [1]].count([1])); // expect: 2 0 2 2
print(["a", null].index(null), [true, 1].index(1)); // expect: 1 1
try {
    a.index(9);
} except (e) {
    print(e.type);
}
// expect: ValueError
try {
    a.index(1, 1);
} except (e) {
    print(e.type);
}
// expect: ValueError
