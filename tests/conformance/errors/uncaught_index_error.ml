// §9.2 §9.5 an uncaught IndexError
a = [1, 2];
print(a[1]); // expect: 2
print(a[2]);
// expect-error: IndexError@4
