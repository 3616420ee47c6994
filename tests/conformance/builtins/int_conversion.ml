// §11.2 int(v) from booleans, ints and floats
print(int(true), int(false), int(42), int(-3.99), int(3.99), int(-0.5), int(-0.0)); // expect: 1 0 42 -3 3 0 0
print(int(1e20), int(2.5e-3), int(123456789012345678901234567890)); // expect: 100000000000000000000 0 123456789012345678901234567890
print(int(1e300) == 1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160, isinstance(int(2.0), "int")); // expect: true true
cases = [fn() => int(1e400), fn() => int(-1e400), fn() => int(float("nan")), fn() => int(null), fn() => int([1]), fn() => int({})];
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
// expect: TypeError
// expect: TypeError
// expect: TypeError
