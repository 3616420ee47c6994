// §11.4 len counts code points, items and entries
print(len("héllo"), len([1, 2]), len({a: 1}), len(""), len([]), len({}), len("😀"), len([[1, 2]])); // expect: 5 2 1 0 0 0 1 1
try {
    x = 1 / 0;
} except (e) {
    print(len(e)); // expect: 3
}
cases = [fn() => len(5), fn() => len(null), fn() => len(true), fn() => len(print), fn() => len(iter([1])),
    fn() => len(builtin), fn() => len(), fn() => len("a", "b"), fn() => len(2.5)];
for (c in cases) {
    try {
        print(c());
    } except (e) {
        print(e.type);
    }
}
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
