// The sign belongs to the literal where an operand is expected (spec §2.5).
a = -5;
b = +5;
c = - 5;
d = 10 -5;
e = 10-5;
f = 3 - -2;
g = arr[-1];
h = f(-1, +2.5);
i = -a[0];
j = -.5;
k = x-1;
l = [-1, +1, - 1];
m = 2 * -3;
n = x - - 3;
return -1;
