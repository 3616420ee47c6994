// §6.7 for over an array visits its items by position
for (x in [1, "two", [3]]) {
    print(x);
}
// expect: 1
// expect: two
// expect: [3]
total = 0;
for (n in range(101)) {
    total = total + n;
}
print(total); // expect: 5050
for (e in []) {
    print("never");
}
grid = [[1, 2], [3, 4]];
for (row in grid) {
    for (cell in row) {
        print(cell);
    }
}
// expect: 1
// expect: 2
// expect: 3
// expect: 4
