// §5.9 indexing arrays with ints, negative indexes count from the end
a = [10, 20, 30];
print(a[0], a[2], a[-1], a[-3], a[1 + 1]); // expect: 10 30 30 10 30
big = [[1, 2], [3, [4, 5]]];
print(big[1][1][0], big[-1][-1][-1]); // expect: 4 5
i = 1;
print(a[i], a[-i], a[100000000000000000000 - 100000000000000000000]); // expect: 20 30 10
try {
    x = a[3];
} except (e) {
    print(e.type, e.line);
}
// expect: IndexError 9
try {
    x = a[-4];
} except (e) {
    print(e.type);
}
// expect: IndexError
try {
    x = [][0];
} except (e) {
    print(e.type);
}
// expect: IndexError
try {
    x = a[100000000000000000000];
} except (e) {
    print(e.type);
}
// expect: IndexError
