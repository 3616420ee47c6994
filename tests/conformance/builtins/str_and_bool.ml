// §11.2 str(v) is the display form; bool(v) is truthiness
print(str(3.14), str(null), str([true, "a"]), str("x"), str(1e16), str(-0.0)); // expect: 3.14 null [true, "a"] x 1e+16 -0.0
print(str({a: [1]}), str(print), str(true), str(100000000000000000000), typeof(str(1))); // expect: {"a": [1]} <function print> true 100000000000000000000 string
print(str("a") == "a", repr("a") == "a", len(str([1, 2]))); // expect: true false 6
print(bool("false"), bool(0), bool([]), bool([0]), bool(null), bool(float("nan")), bool(-0.0), bool({}), bool(" ")); // expect: true false false true false true false false true
print(bool(true), bool(false), bool(print), typeof(bool(1))); // expect: true false true boolean
