// §9.2 §9.5 an uncaught ValueError
print(int("12")); // expect: 12
print(int("twelve"));
// expect-error: ValueError@3
