a = x & y;
b = x | y;
c = x ^ y;
d = ~x;
e = x << 2;
f = x >> 2;
