// §5.10 slicing checks the kinds of the operand and of every bound before the step's value
a = [1, 2, 3];
try {
    x = a[0.5:2:0];
} except (e) {
    print(e.type); // expect: TypeError
}
try {
    x = "abc"[:"2":0];
} except (e) {
    print(e.type); // expect: TypeError
}
n = 5;
try {
    x = n[::0];
} except (e) {
    print(e.type); // expect: TypeError
}
try {
    a[true:1:0] = [9];
} except (e) {
    print(e.type); // expect: TypeError
}
try {
    x = a[::0];
} except (e) {
    print(e.type); // expect: ValueError
}
print(a[::-1]); // expect: [3, 2, 1]
