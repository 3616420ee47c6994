// §11.2 int, float, str and bool: every accepted kind and the error kinds
print(int(true), int(false), int(7), int(-2.9), int(2.9), int(-0.0)); // expect: 1 0 7 -2 2 0
print(int("  -12 "), int("+5"), int("1_000"), int("007")); // expect: -12 5 1000 7
print(int("12345678901234567890"), int(1e20)); // expect: 12345678901234567890 100000000000000000000
print(int("3.99"), int("-2.5e1"), int(" 1_0.5 ")); // expect: 3 -25 10
print(float(true), float(false), float(3), float("  -1.5  "), float("1_000.25")); // expect: 1.0 0.0 3.0 -1.5 1000.25
print(float("inf"), float("-Infinity"), float("NaN"), float("1e400"), float(".5"), float("5.")); // expect: inf -inf nan inf 0.5 5.0
print(str(null), str(true), str(1.0), str("x"), str([1, "x"]), str({k: null})); // expect: null true 1.0 x [1, "x"] {"k": null}
print(bool(0), bool(0.0), bool(""), bool([]), bool({}), bool(null), bool("0"), bool([0]), bool(float("nan"))); // expect: false false false false false false true true true
function kind(f, v) {
    try {
        f(v);
        return "ok";
    } except (e) {
        return e.type;
    }
}
print(kind(int, "abc"), kind(int, ""), kind(int, "1__0"), kind(int, "_1"), kind(int, "0x10")); // expect: ValueError ValueError ValueError ValueError ValueError
print(kind(int, "inf"), kind(int, "nan"), kind(int, float("inf")), kind(int, float("nan"))); // expect: OverflowError ValueError OverflowError ValueError
print(kind(int, null), kind(int, []), kind(float, null), kind(float, {}), kind(float, "1e")); // expect: TypeError TypeError TypeError TypeError ValueError
big = int("1" + "0" * 400);
print(kind(float, big), kind(int, big), int(big) == big); // expect: OverflowError ok true
try {
    int();
} except (e) {
    print(e.type, e.message.find("int") >= 0);
}
// expect: TypeError true
try {
    str(1, 2);
} except (e) {
    print(e.type);
}
// expect: TypeError
