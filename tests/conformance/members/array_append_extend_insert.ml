// §10.2 append, extend and insert modify the array in place and return null
a = [1];
print(a.append(2), a); // expect: null [1, 2]
a.append([3]);
print(a); // expect: [1, 2, [3]]
print(a.extend([4, 5]), a); // expect: null [1, 2, [3], 4, 5]
b = [];
b.extend("ab");
b.extend({k: 1});
b.extend(iter([9]));
b.extend([]);
print(b); // expect: ["a", "b", "k", 9]
c = [1, 2, 3];
print(c.insert(-1, "x"), c); // expect: null [1, 2, "x", 3]
c = [1, 2, 3];
c.insert(100, "end");
c.insert(-100, "start");
c.insert(0, "zero");
print(c); // expect: ["zero", "start", 1, 2, 3, "end"]
try {
    a.extend(5);
} except (e) {
    print(e.type);
}
// expect: TypeError
try {
    a.insert(1.0, "x");
} except (e) {
    print(e.type);
}
// expect: TypeError
