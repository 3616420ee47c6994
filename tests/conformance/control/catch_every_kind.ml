// §6.11 every runtime error kind is caught, including RecursionError
function down(n) {
    return down(n + 1);
}
d = {};
cases = [fn() => d["k"], fn() => [][0], fn() => 1 // 0, fn() => "a".nope, fn() => int("x"),
    fn() => null + 1, fn() => down(0), fn() => next(iter([])), fn() => input()];
for (c in cases) {
    try {
        c();
    } except (e) {
        print(e.type);
    }
}
// expect: KeyError
// expect: IndexError
// expect: ZeroDivisionError
// expect: AttributeError
// expect: ValueError
// expect: TypeError
// expect: RecursionError
// expect: RuntimeError
// expect: IOError
