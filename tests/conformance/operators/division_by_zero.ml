// §5.4 a zero divisor (0, 0.0 or -0.0) raises ZeroDivisionError for `/`, `//` and `%`
cases = [fn() => 1 / 0, fn() => 1 / 0.0, fn() => 1 / -0.0, fn() => 0 / 0, fn() => 1.5 / 0,
    fn() => 1e400 / 0, fn() => 1 // 0, fn() => 1.5 // 0, fn() => 1 // -0.0, fn() => 1 % 0,
    fn() => 0 % 0, fn() => 2.5 % 0.0, fn() => 100000000000000000000 // 0, fn() => 100000000000000000000 % 0];
for (c in cases) {
    try {
        print(c());
    } except (e) {
        print(e.type);
    }
}
// expect: ZeroDivisionError
// expect: ZeroDivisionError
// expect: ZeroDivisionError
// expect: ZeroDivisionError
// expect: ZeroDivisionError
// expect: ZeroDivisionError
// expect: ZeroDivisionError
// expect: ZeroDivisionError
// expect: ZeroDivisionError
// expect: ZeroDivisionError
// expect: ZeroDivisionError
// expect: ZeroDivisionError
// expect: ZeroDivisionError
// expect: ZeroDivisionError
