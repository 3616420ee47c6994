// §2.5 number literals: ints, floats, leading zeros, exponents, huge and tiny values
print(007, 0, 00, 0100); // expect: 7 0 0 100
print(5., .5, 1e3, 2.5e-3); // expect: 5.0 0.5 1000.0 0.0025
print(1E3, 1e+3, 1.5E-1, 0.0, 00.5, 1.); // expect: 1000.0 1000.0 0.15 0.0 0.5 1.0
print(123456789012345678901234567890); // expect: 123456789012345678901234567890
print(1e400, -1e400, 1e-400); // expect: inf -inf 0.0
print(5e-324, 1e-320, 1.7976931348623157e308); // expect: 5e-324 1e-320 1.7976931348623157e+308
print(typeof(1e3), isinstance(1e3, "float"), isinstance(007, "int"), isinstance(5., "float")); // expect: number true true true
print(0.1, 0.30000000000000004, 1e22, 1e21); // expect: 0.1 0.30000000000000004 1e+22 1e+21
print(9007199254740993.0, 9007199254740993); // expect: 9007199254740992.0 9007199254740993
