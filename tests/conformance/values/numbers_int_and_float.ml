// §4.2 ints and floats are distinct at run time but compare by value
print(5, 5.0, 5 == 5.0, typeof(5) == typeof(5.0)); // expect: 5 5.0 true true
print(isinstance(10 / 2, "float"), 10 / 2, 10 // 2, 10.0 // 2, 10 % 3, 10.0 % 3); // expect: true 5.0 5 5.0 1 1.0
print(1 + 1, 1 + 1.0, 2 * 3, 2 * 3.0, 5 - 5, 5 - 5.0); // expect: 2 2.0 6 6.0 0 0.0
print(1e308 * 10, -1e308 * 10); // expect: inf -inf
inf = 1e400;
print(inf - inf, inf + 1, -inf < 0, inf == inf, inf > 1e308); // expect: nan inf true true true
nan = inf - inf;
print(nan == nan, nan != nan, nan < 1, nan > 1, nan <= nan, nan >= 0); // expect: false true false false false false
print(0 == -0.0, 0.0 == -0.0, 1 == 1.0000000000000002); // expect: true true false
