// §11.7 format specifications for floats: f, e, g, %, no type, rounding, infinities and NaN
print(format(1234.5, ".2E"), format(0.0001234, "g"), format(0.00001234, "g"), format(123456789.0, "g"), format(100.0, "g")); // expect: 1.23E+03 0.0001234 1.234e-05 1.23457e+08 100
print(format(1e16, "g"), format(2.0, "#g"), format(0.256, ".1%"), format(2.0, ".0%"), format(1e-7, "G"), format(1234.5678, ".2G")); // expect: 1e+16 2.00000 25.6% 200% 1E-07 1.2E+03
print(format(1e400, "f"), format(-1e400, "+f"), format(float("nan"), "F"), format(1e400, "E"), format(float("nan"), "+"), "[" + format(1e400, " ") + "]"); // expect: inf -inf NAN INF +nan [ inf]
print("[" + format(1.5, "10.2f") + "]", "[" + format(-1.5, "<8") + "]", "[" + format(1.5, "^8") + "]", format(1.5, "08.3f"), format(-0.0, ".1f")); // expect: [      1.50] [-1.5    ] [  1.5   ] 0001.500 -0.0
print(format(1e22, ".0f"), format(0.1, ".20f"), format(3.0, "n"), format(1.0, ".0e"), format(1e-10, ".2e"), format(1e300, ".0e")); // expect: 10000000000000000000000 0.10000000000000000555 3 1e+00 1.00e-10 1e+300
print(format(9.5, ".0f"), format(8.5, ".0f"), format(1.25, ".1f"), format(1.35, ".1f"), format(0.5, ".0f"), format(1.5, ".0f"), format(-2.5, ".0f"), format(2.675, ".2f")); // expect: 10 8 1.2 1.4 0 2 -2 2.67
print(format(12345.6789, "_.2f"), format(42.0, "g"), format(0.1, ".3"), format(100.0, ".3"), format(10.0, ".3"), format(1234.5, ",")); // expect: 12_345.68 42 0.1 1e+02 10.0 1,234.5
print(format(1e100, ".3"), format(0.00001, ".3"), format(1.0, ".1"), format(123456.0, ".10"), format(0.1 + 0.2, ".17g")); // expect: 1e+100 1e-05 1e+00 123456.0 0.30000000000000004
print(format(1.5, "+.1f"), format(-1.5, "=+8.1f"), "[" + format(1.5, " .1f") + "]", format(1234.5678, ",.1f"), format(1.5, "e"), format(0.0, "+"), format(-0.0, "+")); // expect: +1.5 -    1.5 [ 1.5] 1,234.6 1.500000e+00 +0.0 -0.0
