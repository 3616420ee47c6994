// Assignment targets (spec §6.2).
x = 1;
a[0] = 2;
a[1:2] = [9, 9];
a[::2] = b;
o.name = 3;
o.if = 4;
a.b.c = 5;
a[0].b = 6;
o.m()[0] = 7;
(a)[0] = 8;
(o).x = 9;
[1, 2][0] = 10;
{k: 1}.k = 11;
f(x).y = 12;
