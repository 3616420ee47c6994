// §11.6 abs(x): ints stay ints, floats stay floats
print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(0), abs(-1e400)); // expect: 5 5 2.5 0.0 0 inf
print(abs(-9223372036854775808), abs(-100000000000000000000), isinstance(abs(-3), "int"), abs(float("nan"))); // expect: 9223372036854775808 100000000000000000000 true nan
cases = [fn() => abs("1"), fn() => abs(true), fn() => abs(null), fn() => abs([1])];
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
