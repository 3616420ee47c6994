// §6.2 slice assignment only to arrays, from iterables, with int bounds and a non-zero step
arr = [1, 2, 3];
s = "abc";
o = {k: 1};
try {
    s[0:1] = "z";
} except (e) {
    print("string", e.type);
}
// expect: string TypeError
try {
    o[0:1] = [1];
} except (e) {
    print("object", e.type);
}
// expect: object TypeError
try {
    arr[0:1] = 5;
} except (e) {
    print("not iterable", e.type);
}
// expect: not iterable TypeError
try {
    arr[0:1:0] = [];
} except (e) {
    print("step 0", e.type);
}
// expect: step 0 ValueError
try {
    arr[0.5:1] = [];
} except (e) {
    print("float bound", e.type);
}
// expect: float bound TypeError
print(arr); // expect: [1, 2, 3]
