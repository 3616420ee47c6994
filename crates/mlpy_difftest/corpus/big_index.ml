// Indexes beyond 64 bits are out of range (IndexError), never a host overflow.
a = [1, 2, 3];
try { print(a[-9223372036854775809]); } except (e) { print(e.type); }
try { print(a[38210412960432851373010084640931]); } except (e) { print(e.type); }
s = "abc";
try { print(s[18446744073709551616]); } except (e) { print(e.type); }
print(a[-3], s[-1]);
i = -38210412960432851373010084640914;
print([17, 15, 1, 9][i + 38210412960432851373010084640931 - 17]);
