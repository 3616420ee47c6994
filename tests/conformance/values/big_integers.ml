// §4.2 ints have arbitrary size and never overflow
big = 1;
for (i in range(64)) {
    big = big * 2;
}
print(big, -big, big - 1, typeof(big)); // expect: 18446744073709551616 -18446744073709551616 18446744073709551615 number
print(big // 3, big % 7, -big // 3, -big % 7); // expect: 6148914691236517205 2 -6148914691236517206 5
print(big * big); // expect: 340282366920938463463374607431768211456
print(big == 18446744073709551616, big > 18446744073709551615, big / 2); // expect: true true 9.223372036854776e+18
print(big - big, typeof(big - big), big - big == 0); // expect: 0 number true
