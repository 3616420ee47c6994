// §4.2 booleans are not numbers: `true + 1` is an uncaught TypeError
print(true == 1, false == 0); // expect: false false
count = true + 1;
// expect-error: TypeError@3
