// §11.2 float(v)
print(float(true), float(false), float(3), float(2.5), float(-7)); // expect: 1.0 0.0 3.0 2.5 -7.0
print(float(" 1e3 "), float("-.5"), float("5."), float("1_000.5"), float("+2"), float("0.1")); // expect: 1000.0 -0.5 5.0 1000.5 2.0 0.1
print(float("inf"), float("-Infinity"), float("NaN"), float("+inf"), float("iNfInItY")); // expect: inf -inf nan inf inf
print(float("1e400"), float("-1e400"), float("1e-400")); // expect: inf -inf 0.0
print(float(9007199254740993), float(12345678901234567890), float(-0.0)); // expect: 9007199254740992.0 1.2345678901234567e+19 -0.0
huge = 1;
for (i in range(400)) {
    huge = huge * 10;
}
cases = [fn() => float("abc"), fn() => float(""), fn() => float("1.2.3"), fn() => float("infinit"), fn() => float("1__0"),
    fn() => float(null), fn() => float([]), fn() => float(huge)];
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
// expect: TypeError
// expect: TypeError
// expect: OverflowError
