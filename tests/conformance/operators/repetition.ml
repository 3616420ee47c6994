// §5.4 `*` repeats strings and arrays by an int count
print("ab" * 3, 3 * "ab", "é" * 3, len("😀" * 4)); // expect: ababab ababab ééé 4
print(repr("ab" * 0), repr("ab" * -2), repr("" * 5), repr("ab" * -100000000000000000000)); // expect: "" "" "" ""
print([1, 2] * 2, 2 * [1], [1] * 0, [1] * -1, [] * 5); // expect: [1, 2, 1, 2] [1, 1] [] [] []
inner = [0];
rep = [inner] * 3;
inner.append(1);
print(rep); // expect: [[0, 1], [0, 1], [0, 1]]
orig = [1, 2];
r = orig * 1;
r.append(3);
print(orig, r); // expect: [1, 2] [1, 2, 3]
grid = [[0] * 3] * 2;
grid[1][2] = 7;
print(grid); // expect: [[0, 0, 7], [0, 0, 7]]
