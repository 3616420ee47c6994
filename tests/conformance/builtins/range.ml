// §11.4 range(stop) and range(start, stop[, step])
print(range(5), range(2, 5), range(5, 0, -2), range(0), range(-3)); // expect: [0, 1, 2, 3, 4] [2, 3, 4] [5, 3, 1] [] []
print(range(1, 10, 3), range(10, 1), range(-5, -1), range(0, -5, -1), range(3, 3)); // expect: [1, 4, 7] [] [-5, -4, -3, -2] [0, -1, -2, -3, -4] []
print(range(100000000000000000000, 100000000000000000003)); // expect: [100000000000000000000, 100000000000000000001, 100000000000000000002]
print(range(0, 10, 100), range(10, 0, -100), len(range(1000))); // expect: [0] [10] 1000
cases = [fn() => range(1.0), fn() => range(true), fn() => range("3"), fn() => range(null), fn() => range(1, 5, 0),
    fn() => range(), fn() => range(1, 2, 3, 4), fn() => range(0, 5.0), fn() => range(0, 5, 1.0)];
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
// expect: ValueError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
