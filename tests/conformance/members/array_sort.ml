// §10.2 sort() sorts in place, ascending and stable, comparing with <
a = [3, 1, 2];
print(a.sort(), a); // expect: null [1, 2, 3]
m = [2.5, 1, 3, -1.5, 0];
m.sort();
print(m); // expect: [-1.5, 0, 1, 2.5, 3]
s = ["b", "a", "C", "é", ""];
s.sort();
print(s); // expect: ["", "C", "a", "b", "é"]
nested = [[2, 1], [1, 5], [1, 2], []];
nested.sort();
print(nested); // expect: [[], [1, 2], [1, 5], [2, 1]]
stable = [1, 1.0, 0, 1, 0.0];
stable.sort();
print(stable); // expect: [0, 0.0, 1, 1.0, 1]
e = [];
e.sort();
print(e); // expect: []
try {
    [1, "a"].sort();
} except (err) {
    print(err.type);
}
// expect: TypeError
try {
    [true, false].sort();
} except (err) {
    print(err.type);
}
// expect: TypeError
try {
    [3, 1].sort(true);
} except (err) {
    print(err.type);
}
// expect: TypeError
