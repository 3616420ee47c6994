// §11.7 the examples of the specification
print(format(3.14159, ".2f"), format(42, "05d"), format(255, "x"), format(255, "#X"), format(123.456789, ".0f")); // expect: 3.14 00042 ff 0XFF 123
print(format(1234567.891, ",.2f"), "[" + format(42, ">6") + "]", "[" + format("ab", "^6") + "]", format(0.5, "%"), format(-3, "+05d")); // expect: 1,234,567.89 [    42] [  ab  ] 50.000000% -0003
print(format(-42, "05"), format(42, "<05"), format(65535, "_b"), format(3.14159, "e"), format(12.0, ".3"), format(123.0, ".3")); // expect: -0042 42000 1111_1111_1111_1111 3.141590e+00 12.0 1.23e+02
print(format(0.125, ".2f"), format(2.5, ".0f")); // expect: 0.12 2
