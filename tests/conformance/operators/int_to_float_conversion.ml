// §4.2 converting an int to a float gives the nearest double, or raises OverflowError
print(9007199254740993 + 0.0, 9007199254740995 + 0.0, 18446744073709551616 + 0.5); // expect: 9007199254740992.0 9007199254740996.0 1.8446744073709552e+19
huge = 1;
for (i in range(400)) {
    huge = huge * 10;
}
cases = [fn() => huge + 0.5, fn() => huge * 1.0, fn() => 1.0 - huge, fn() => huge // 2.0, fn() => huge % 2.5,
    fn() => float(huge), fn() => huge / 1];
for (c in cases) {
    try {
        print(c());
    } except (e) {
        print(e.type);
    }
}
// expect: OverflowError
// expect: OverflowError
// expect: OverflowError
// expect: OverflowError
// expect: OverflowError
// expect: OverflowError
// expect: OverflowError
print(huge > 1e308, huge < 1e400, huge == 1e400, -huge < -1e308, huge != 1e308); // expect: true true false true true
