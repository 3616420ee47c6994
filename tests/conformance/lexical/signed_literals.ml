// §2.5 the sign belongs to a literal where an operand is expected; elsewhere `-` subtracts
print(-5, +5, +2.5, -.5, +.5); // expect: -5 5 2.5 -0.5 0.5
print(10-5, 10 -5, 10 - 5, 3 - -2, 3 - +2); // expect: 5 5 5 5 1
x = 8;
print(x-1, x -1, x - -1, x-+1); // expect: 7 7 9 7
print(- 5, -(5), - 2.5, -x); // expect: -5 -5 -2.5 -8
a = [1, -2, +3];
print(a, a[-1], a[0]-1, a[0] -1); // expect: [1, -2, 3] 3 0 0
print(-7 // 2, -7 % 3, - 7 // 2, -(7 // 2)); // expect: -4 2 -4 -3
print(2 * -3, -2 * -3, 6 / -4); // expect: -6 6 -1.5
print(-0, -0.0, +0.0, +0); // expect: 0 -0.0 0.0 0
print(-9223372036854775808 - 1, +9223372036854775808); // expect: -9223372036854775809 9223372036854775808
print(-1e400, -1e3); // expect: -inf -1000.0
