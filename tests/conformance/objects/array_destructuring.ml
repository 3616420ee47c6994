// §6.3 array destructuring iterates the value once and needs exactly as many items as names
[a, b, c] = [1, 2, 3];
print(a, b, c); // expect: 1 2 3
[a, b] = "xy";
print(a, b); // expect: x y
[k1, k2] = {first: 1, second: 2};
print(k1, k2); // expect: first second
[i1, i2] = iter([10, 20]);
print(i1, i2); // expect: 10 20
[a, b] = [b, a];
print(a, b); // expect: y x
[only] = [[1, 2]];
print(only); // expect: [1, 2]
try {
    [a, b] = [1, 2, 3];
} except (e) {
    print(e.type, a, b);
}
// expect: ValueError y x
try {
    [a, b] = [1];
} except (e) {
    print(e.type);
}
// expect: ValueError
try {
    [a, b] = 12;
} except (e) {
    print(e.type);
}
// expect: TypeError
try {
    [a] = null;
} except (e) {
    print(e.type);
}
// expect: TypeError
