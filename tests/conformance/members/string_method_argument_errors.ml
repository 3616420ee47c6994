// §5.12 §10.1 string methods with arguments of the wrong kind or number raise TypeError
cases = [fn() => "a".upper(1), fn() => "abc".find(1), fn() => "abc".replace("a"), fn() => "abc".split(1),
    fn() => "abc".startswith(["a"]), fn() => "abc".count(), fn() => "abc".center("5"), fn() => "abc".strip(1),
    fn() => "abc".find("a", 1.5)];
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
