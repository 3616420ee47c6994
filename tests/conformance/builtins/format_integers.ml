// §11.7 format specifications for ints
print(format(42, "+d"), "[" + format(42, " d") + "]", format(-42, " d"), format(42, "=+6"), format(42, "*>6")); // expect: +42 [ 42] -42 +   42 ****42
print(format(42, "#x"), format(42, "#o"), format(42, "#b"), format(255, "#010x"), format(-255, "#x"), format(3, "X")); // expect: 0x2a 0o52 0b101010 0x000000ff -0xff 3
print(format(42, "c"), format(65, "c"), format(42, "n"), format(1234567, ","), format(1234567, "_"), format(-1234567, ",d")); // expect: * A 42 1,234,567 1_234_567 -1,234,567
print(format(255, "_x"), format(1048575, "_x"), format(12345, "_o"), format(1234567, "_d"), format(7, "x<4"), format(7, "0=4")); // expect: ff f_ffff 3_0071 1_234_567 7xxx 0007
print("[" + format(7, "^5") + "]", "[" + format(-7, "^5") + "]", format(5, "-"), format(-5, "-"), format(0, "+")); // expect: [  7  ] [ -7  ] 5 -5 +0
print(format(42, "f"), format(42, ".2e"), format(42, "%"), format(42, "e"), format(42, ".2f"), format(42, "g"), format(3000, ",.2f")); // expect: 42.000000 4.20e+01 4200.000000% 4.200000e+01 42.00 42 3,000.00
print(format(123456789, ".3e"), format(100000000000000000000, ","), format(-100000000000000000000, "x")); // expect: 1.235e+08 100,000,000,000,000,000,000 -56bc75e2d63100000
