// §5.4 §5.7 unary minus and `!`
x = 3;
print(-5, -(-5), -2.5, -(0.0), -(-0.0), - -x, -x); // expect: -5 5 -2.5 -0.0 0.0 3 -3
y = 9223372036854775807;
print(-y - 1, -(-y - 1), typeof(-x), isinstance(-x, "int"), isinstance(-2.0, "float")); // expect: -9223372036854775808 9223372036854775808 number true true
print(!x, !!x, !-x, ![], ![1], !{}, !"", !null); // expect: false true false true false true true true
o = {};
cases = [fn() => -"a", fn() => -true, fn() => -null, fn() => -[1], fn() => -o, fn() => -print];
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
// expect: TypeError
// expect: TypeError
