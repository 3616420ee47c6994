// §9.2 §9.5 an uncaught TypeError
items = [1, 2, 3];
total = 0;
for (x in items) {
    total = total + x;
}
print(total); // expect: 6
total = total + "a" - 1;
// expect-error: TypeError@8
