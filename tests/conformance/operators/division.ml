// §5.4 `/` always gives a float: the exact quotient rounded to the nearest double
print(10 / 2, 7 / 2, 1 / 3, -7 / 2, 7.5 / 2.5, 0 / 5); // expect: 5.0 3.5 0.3333333333333333 -3.5 3.0 0.0
print(1000000000000000000000000000000 / 10000000000, 18446744073709551616 / 3); // expect: 1e+20 6.148914691236517e+18
print(9007199254740993 / 3, 9007199254740993 / 1); // expect: 3002399751580331.0 9007199254740992.0
print(-0.0 / 5, 0.0 / -5, 1e308 / 1e-10); // expect: -0.0 -0.0 inf
huge = 1;
for (i in range(400)) {
    huge = huge * 10;
}
print(huge / huge, huge / (huge * 10), 1 / huge); // expect: 1.0 0.1 0.0
try {
    x = huge / 1;
} except (e) {
    print(e.type);
}
// expect: OverflowError
