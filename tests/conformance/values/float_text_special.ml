// §4.8 float text of zeros, infinities and NaN
print(0.0, -0.0, 0.0 * -1, -0.0 + 0.0); // expect: 0.0 -0.0 -0.0 0.0
print(1e400, -1e400, 1e308 * 10, -1e308 * 10); // expect: inf -inf inf -inf
inf = 1e400;
print(inf - inf, -(inf - inf) == -(inf - inf)); // expect: nan false
print(float("nan"), float("-inf"), float("Infinity")); // expect: nan -inf inf
print([0.0, -0.0, inf, -inf], {x: -0.0}); // expect: [0.0, -0.0, inf, -inf] {"x": -0.0}
print(str(-0.0), repr(inf), "v=" + -inf); // expect: -0.0 inf v=-inf
