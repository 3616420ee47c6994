// Operator precedence and associativity (spec §3.3).
a = 1 + 2 * 3;
b = (1 + 2) * 3;
c = 1 - 2 - 3;
d = 8 / 4 / 2;
e = 7 % 3 * 2 // 1;
f = 1 < 2 == 3 > 4;
g = a <= b != c >= d;
h = a || b && c;
i = a && b || c && d;
j = 1 < 2 < 3;
k = !a == b;
l = -a[0];
m = -x.y + 1;
n = a + b * c - d / e;
