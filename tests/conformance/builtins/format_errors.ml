// §11.7 an invalid spec or a field not allowed for the value raises ValueError; other kinds raise TypeError
cases = [fn() => format(1, "invalid"), fn() => format(1.5, "x"), fn() => format(1.5, "d"), fn() => format("s", "=5"),
    fn() => format(1, ",x"), fn() => format("a", ","), fn() => format(1, "5.5.5"), fn() => format(42, ".2"),
    fn() => format(42, ",n"), fn() => format("abc", "d"), fn() => format("abc", "+"), fn() => format(1.5, "c"),
    fn() => format(1.5, ",n"), fn() => format(1, "_c"), fn() => format("a", "#"), fn() => format(1.5, "b")];
for (c in cases) {
    try {
        print(c());
    } except (e) {
        print(e.type);
    }
}
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
others = [fn() => format([1], "d"), fn() => format(null, ">5"), fn() => format(true, "d"), fn() => format({}, "s"), fn() => format(1, 5)];
for (c in others) {
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
