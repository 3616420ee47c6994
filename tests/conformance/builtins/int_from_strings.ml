// §11.2 int(string): exact for integer text, through float for other numeric strings
print(int(" 42 "), int("-17"), int("+8"), int("007"), int("1_000"), int("\t5\n")); // expect: 42 -17 8 7 1000 5
print(int("12345678901234567890"), int("-99999999999999999999999")); // expect: 12345678901234567890 -99999999999999999999999
print(int("3.14"), int("1e3"), int("-2.5"), int(".5"), int("5."), int("1_0.5")); // expect: 3 1000 -2 0 5 10
print(int("1e20"), int("  -0  ")); // expect: 100000000000000000000 0
cases = [fn() => int("inf"), fn() => int("-Infinity"), fn() => int("nan"), fn() => int(""), fn() => int("  "),
    fn() => int("1__0"), fn() => int("_1"), fn() => int("1_"), fn() => int("0x10"), fn() => int("abc"),
    fn() => int("1 2"), fn() => int("--1"), fn() => int("1e")];
for (c in cases) {
    try {
        print(c());
    } except (e) {
        print(e.type);
    }
}
// expect: OverflowError
// expect: OverflowError
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
