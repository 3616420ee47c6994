// §10.2 remove(x) and pop([i])
a = [1, 2, 3, 2];
print(a.remove(2), a); // expect: null [1, 3, 2]
a.remove(2.0);
print(a); // expect: [1, 3]
try {
    a.remove(9);
} except (e) {
    print(e.type, a);
}
// expect: ValueError [1, 3]
try {
    a.remove("1");
} except (e) {
    print(e.type);
}
// expect: ValueError
b = [10, 20, 30, 40];
print(b.pop(), b); // expect: 40 [10, 20, 30]
print(b.pop(0), b.pop(-1), b); // expect: 10 30 [20]
print(b.pop(null), b); // expect: 20 []
try {
    b.pop();
} except (e) {
    print(e.type);
}
// expect: IndexError
c = [1, 2];
try {
    c.pop(2);
} except (e) {
    print(e.type);
}
// expect: IndexError
try {
    c.pop(-3);
} except (e) {
    print(e.type, c);
}
// expect: IndexError [1, 2]
nested = [[1], [2]];
nested.remove([2]);
print(nested); // expect: [[1]]
