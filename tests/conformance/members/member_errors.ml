// §5.11 §8 members that do not exist raise AttributeError
cases = [fn() => "abc".nosuch, fn() => [1].nosuch, fn() => (5).x, fn() => null.x, fn() => true.x,
    fn() => print.x, fn() => (1.5).real, fn() => "abc".push(1), fn() => [1].map(print), fn() => [1].includes(1),
    fn() => builtin.nosuch, fn() => "abc".toUpperCase(), fn() => (7).toString()];
for (c in cases) {
    try {
        print(c());
    } except (e) {
        print(e.type);
    }
}
// expect: AttributeError
// expect: AttributeError
// expect: AttributeError
// expect: AttributeError
// expect: AttributeError
// expect: AttributeError
// expect: AttributeError
// expect: AttributeError
// expect: AttributeError
// expect: AttributeError
// expect: AttributeError
// expect: AttributeError
// expect: AttributeError
