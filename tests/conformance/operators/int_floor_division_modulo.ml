// §5.4 int `//` floors the exact quotient; `%` has the sign of the divisor
print(7 // 2, -7 // 2, 7 // -2, -7 // -2); // expect: 3 -4 -4 3
print(7 % 3, -7 % 3, 7 % -3, -7 % -3); // expect: 1 2 -2 -1
print(0 // 5, 0 % -5, 6 // 3, -6 % 3, 1 // 3, -1 // 3); // expect: 0 0 2 0 0 -1
big = 1180591620717411303424;
print(big // -3, big % -3, -big // 7, -big % 7); // expect: -393530540239137101142 -2 -168655945816773043347 5
print(typeof(7 // 2), isinstance(7 // 2, "int"), isinstance(7 % 2, "int")); // expect: number true true
