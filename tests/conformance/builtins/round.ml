// §11.6 round(x[, n]): floats to the nearest, ties to even on the exact binary value
print(round(3.14), round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1234.5, -2)); // expect: 3.0 2.0 4.0 -0.0 2.67 1200.0
print(round(0.5), round(1.5), round(-1.5), round(-2.5), round(0.125, 2), round(0.375, 2), round(1.23456, 3)); // expect: 0.0 2.0 -2.0 -2.0 0.12 0.38 1.235
print(round(123.456, -1), round(5.0, -1), round(15.0, -1), round(0.5, 5), round(2.5, 0), round(1.5, 400), round(0.1, 1)); // expect: 120.0 0.0 20.0 0.5 2.0 1.5 0.1
print(round(1e400), round(-1e400), round(float("nan")), round(1e16), round(2.5, null)); // expect: inf -inf nan 1e+16 2.0
print(isinstance(round(7.0), "float"), isinstance(round(7), "int"), isinstance(round(7, -1), "int")); // expect: true true true
