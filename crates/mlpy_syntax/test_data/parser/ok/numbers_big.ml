// Ints that do not fit an i64 become big ints; huge floats become infinities.
max = 9223372036854775807;
min = -9223372036854775808;
above = 9223372036854775808;
below = -9223372036854775809;
padded = 000000000000000000000000000012345678901234567890;
zero = -0;
inf = 1e400;
ninf = -1e400;
tiny = 4.9e-324;
under = 1e-400;
