// §11.6 round of an int: unchanged for n >= 0, otherwise the nearest multiple of 10^(-n), ties to even
print(round(15, -1), round(25, -1), round(35, -1), round(14, -1), round(-15, -1), round(-25, -1)); // expect: 20 20 40 10 -20 -20
print(round(7), round(7, 2), round(150, -2), round(250, -2), round(12345, -10), round(-5, -1)); // expect: 7 7 200 200 0 0
print(round(999, -3), round(500, -3), round(1500, -3), round(100000000000000000005, -1)); // expect: 1000 0 2000 100000000000000000000
cases = [fn() => round("1"), fn() => round(1.5, 1.0), fn() => round(true), fn() => round(null), fn() => round(5, "1")];
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
