// §5.6 ordering of numbers, strings and arrays
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 1.0, 1.5 > 1, -1 < -0.5); // expect: true false true true true true
print("a" < "b", "Z" < "a", "ab" < "abc", "abc" < "abd", "b" > "abc", "" < "a", "a" <= "a"); // expect: true true true true true true true
print("é" > "z", "B" < "a", "10" < "9"); // expect: true true true
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] <= [1, 2], [] < [0], [1, 2] >= [1, 2]); // expect: true true true true true true
print([1, [2]] < [1, [3]], [1, "a"] < [2, 1], [true] < [true, 1], ["b"] > ["a", "z"]); // expect: true true true true
print([1, 2.0] < [1, 2], [1, 2.0] <= [1, 2], [null, 1] < [null, 2]); // expect: false true true
print(9007199254740993 > 9007199254740992.0, 2 < 2.5, 10000000000000000000001 > 1e22, -1e400 < -100000000000000000000); // expect: true true true true
