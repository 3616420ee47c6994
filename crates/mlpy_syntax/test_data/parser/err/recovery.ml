// Several independent errors; each is reported once, without follow-up errors.
a = (1 + ;
b = 2;
c = [1, 2 3];
d = 4;
function f( {
}
e = 5;
if (x {
}
g = f(1, 2))));
h = 6;
