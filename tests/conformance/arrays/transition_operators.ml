// §5.4 §5.5 §5.6 array +, *, == and ordering between int arrays and arrays holding other kinds
ints = [1, 2];
mixed = ["a", 3.5];
print(ints + ints, ints + mixed, mixed + ints); // expect: [1, 2, 1, 2] [1, 2, "a", 3.5] ["a", 3.5, 1, 2]
both = ints + mixed;
both[0] = 100;
print(ints, mixed, both); // expect: [1, 2] ["a", 3.5] [100, 2, "a", 3.5]
joined = ints + [3];
joined.append("x");
print(ints, joined); // expect: [1, 2] [1, 2, 3, "x"]
print(ints * 2, mixed * 2, [0] * 0, 3 * [7]); // expect: [1, 2, 1, 2] ["a", 3.5, "a", 3.5] [] [7, 7, 7]
rows = [[0] * 2] * 2;
rows[0][1] = "s";
print(rows); // expect: [[0, "s"], [0, "s"]]
print([1, 2] == [1, 2.0], [1, 2] == [1, 2], [1, 2] == [1, "2"], [1, 2] != [1, 2, 3]); // expect: true true false true
x = [1, 2, 3];
y = [1, "two", 3];
y[1] = 2;
print(x == y, y == x, x <= y, x < y); // expect: true true true false
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2.5] > [1, 2], [] < [0]); // expect: true true true true true
print([-1, 5] < [-1, 5], [-1, 5] <= [-1, 5], [3, 1] >= [3, 0, 0]); // expect: false true true
big = [9223372036854775807];
big[0] = big[0] + 1;
print(big, big == [9223372036854775808], big > [9223372036854775807]); // expect: [9223372036854775808] true true
try {
    print([1, 2] < [1, "a"]);
} except (err) {
    print(err.type); // expect: TypeError
}
