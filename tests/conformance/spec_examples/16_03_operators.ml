n = 42; // §16.3 Operators (the program is verbatim; line numbers are the specification's)
print("n=" + n, n + "!", "x" + 1.0 + true);
print("flags: " + [true, null] + " " + {a: 1});
print(1 + 2 + "3", "1" + 2 + 3);
print(7 / 2, 8 / 2, 7 // 2, -7 // 2, 7 % -3, -7 % 3);
print(1 // 0.1, 1 % 0.1, -7.5 // 2, 5.5 % -2);
print("ab" * 3, [0] * 3, 2 * [1, 2]);
big = 1;
for (i in range(1, 26)) {
    big = big * i;
}
print(big, big / big);
print(0.1 + 0.2 == 0.3, 1 == 1.0, 0 == false, null == false, [1, [2]] == [1.0, [2]]);
print(0 || "default", "a" && "b", !"", null && 1);
print(format(3.14159, ".2f"), format(42, "05d"), format(255, "x"), format(1234567.891, ",.2f"), format(0.5, "%"));
// expect: n=42 42! x1.0true
// expect: flags: [true, null] {"a": 1}
// expect: 33 123
// expect: 3.5 4.0 3 -4 -2 2
// expect: 9.0 0.09999999999999995 -4.0 -0.5
// expect: ababab [0, 0, 0] [1, 2, 1, 2]
// expect: 15511210043330985984000000 1.0
// expect: false true false false true
// expect: default b true null
// expect: 3.14 00042 ff 1,234,567.89 50.000000%
