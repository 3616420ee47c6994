// §3.3 §5.6 comparisons do not chain: `1 < 2 < 3` compares a boolean with a number (uncaught TypeError)
print(1 < 2, 2 < 3); // expect: true true
print(1 < 2 < 3);
// expect-error: TypeError@3
