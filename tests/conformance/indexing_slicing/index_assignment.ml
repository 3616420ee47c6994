// §6.2 assignment to array items and object entries
a = [1, 2, 3];
a[0] = "x";
a[-1] = "z";
print(a); // expect: ["x", 2, "z"]
o = {k: 1};
o["k"] = 2;
o["new"] = 3;
o[7] = "seven";
print(o); // expect: {"k": 2, "new": 3, 7: "seven"}
nested = [[0, 0], [0, 0]];
nested[1][0] = 5;
print(nested); // expect: [[0, 0], [5, 0]]
try {
    a[3] = 0;
} except (e) {
    print(e.type, e.line);
}
// expect: IndexError 15
try {
    a[-4] = 0;
} except (e) {
    print(e.type);
}
// expect: IndexError
try {
    a[1.0] = 0;
} except (e) {
    print(e.type);
}
// expect: TypeError
try {
    a[true] = 0;
} except (e) {
    print(e.type);
}
// expect: TypeError
s = "abc";
try {
    s[0] = "z";
} except (e) {
    print(e.type, s);
}
// expect: TypeError abc
try {
    o[[1]] = 0;
} except (e) {
    print(e.type);
}
// expect: TypeError
n = 5;
try {
    n[0] = 1;
} except (e) {
    print(e.type);
}
// expect: TypeError
print(a); // expect: ["x", 2, "z"]
