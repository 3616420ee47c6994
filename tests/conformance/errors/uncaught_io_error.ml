// §9.2 §11.8 input at the end of standard input raises IOError
print("asking"); // expect: asking
answer = input();
// expect-error: IOError@3
