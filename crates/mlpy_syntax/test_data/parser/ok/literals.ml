// Literals of every kind.
a = 42;
b = 007;
c = 3.25;
d = 5.;
e = .5;
f = 1e3;
g = 2.5e-3;
h = 1E+2;
i = 1.e2;
j = "double";
k = 'single';
l = true;
m = false;
n = null;
o = "";
