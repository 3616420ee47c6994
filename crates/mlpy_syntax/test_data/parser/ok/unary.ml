// Prefix operators.
a = !x;
b = !!x;
c = - -x;
d = -(x + 1);
e = !f(x);
f = -o.m();
g = !a && !b;
h = -x * -y;
