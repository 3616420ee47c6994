a = ;
b = 1 +;
c = (;
d = function() { return 1; };
e = fn(x) x;
f = fn x => x;
g = o.;
h = o.5;
i = a[];
