// §11.6 §11.7 abs, round, chr, ord, hex, bin, oct, format and repr: values and errors
big = int("9223372036854775808");
print(abs(-3), abs(3), abs(-0.0), abs(-2.5), abs(-big), abs(-big - 1) - big); // expect: 3 3 0.0 2.5 9223372036854775808 1
print(abs(float("-inf")), abs(int("-9223372036854775808"))); // expect: inf 9223372036854775808
print(round(0.5), round(1.5), round(-1.5), round(-0.5), round(2.5, null), round(7)); // expect: 0.0 2.0 -2.0 -0.0 2.0 7
print(round(1234.5678, 2), round(1234.5, -2), round(-1250, -2), round(1350, -2), round(5, 3)); // expect: 1234.57 1200.0 -1200 1400 5
print(round(float("inf")), round(float("nan")), round(0.125, 2), round(1e300, -301)); // expect: inf nan 0.12 0.0
print(round(big, -1), round(big, -19), round(big, -20)); // expect: 9223372036854775810 10000000000000000000 0
print(chr(65), chr(233), chr(128512) == "😀", len(chr(0)), ord("A"), ord("é"), ord("😀")); // expect: A é true 1 65 233 128512
print(hex(255), hex(-255), bin(5), bin(0), oct(8), oct(-8), hex(big)); // expect: 0xff -0xff 0b101 0b0 0o10 -0o10 0x8000000000000000
print(format(1234.5), format(7, ""), format("x"), format(null), format([1, "a"], null)); // expect: 1234.5 7 x null [1, "a"]
print(format(5, "+d"), format(-5, " d"), format(5, " d"), format(3.5, "08.2f"), format(big, ",")); // expect: +5 -5  5 00003.50 9,223,372,036,854,775,808
print(format(65, "c"), format(10, "#b"), format("abc", ".2"), format("ab", "*>5"), format(1e20, "g")); // expect: A 0b1010 ab ***ab 1e+20
print(repr("a\"b\\c\n"), repr(["x", 1.0, null]), repr({k: "v"}), repr(print), repr(-0.0)); // expect: "a\"b\\c\n" ["x", 1.0, null] {"k": "v"} <function print> -0.0
function kind(f) {
    try {
        f();
        return "ok";
    } except (e) {
        return e.type;
    }
}
print(kind(fn() => abs("1")), kind(fn() => abs(true)), kind(fn() => abs(null)), kind(fn() => abs())); // expect: TypeError TypeError TypeError TypeError
print(kind(fn() => round("1")), kind(fn() => round(1.5, 1.0)), kind(fn() => round(1.5, true)), kind(fn() => round(true))); // expect: TypeError TypeError TypeError TypeError
print(kind(fn() => chr(-1)), kind(fn() => chr(1114112)), kind(fn() => chr(55296)), kind(fn() => chr(big))); // expect: ValueError ValueError ValueError ValueError
print(kind(fn() => chr(65.0)), kind(fn() => chr(true)), kind(fn() => chr("A"))); // expect: TypeError TypeError TypeError
print(kind(fn() => ord("")), kind(fn() => ord("ab")), kind(fn() => ord(65)), kind(fn() => ord(null))); // expect: TypeError TypeError TypeError TypeError
print(kind(fn() => hex(1.0)), kind(fn() => bin(true)), kind(fn() => oct("8")), kind(fn() => hex())); // expect: TypeError TypeError TypeError TypeError
print(kind(fn() => format(true, "d")), kind(fn() => format([], ">3")), kind(fn() => format(1, 5))); // expect: TypeError TypeError TypeError
print(kind(fn() => format(1, "q")), kind(fn() => format("s", "d")), kind(fn() => format(1.5, "x")), kind(fn() => format(1, ".2d"))); // expect: ValueError ValueError ValueError ValueError
print(kind(fn() => format(1, "<<<")), kind(fn() => format("s", "=5")), kind(fn() => format(1, ",n"))); // expect: ValueError ValueError ValueError
print(kind(fn() => format(big * big * big * big * big * big * big * big * big * big * big * big * big * big * big * big * big * big, "f"))); // expect: OverflowError
