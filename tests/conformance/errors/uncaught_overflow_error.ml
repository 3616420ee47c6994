// §9.2 §9.5 an uncaught OverflowError
print(int(1e300) > 0); // expect: true
print(int(1e400));
// expect-error: OverflowError@3
