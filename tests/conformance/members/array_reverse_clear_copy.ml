// §10.2 reverse(), clear() and copy()
a = [1, 2, 3];
print(a.reverse(), a); // expect: null [3, 2, 1]
b = a;
print(a.clear(), a, b); // expect: null [] []
inner = [0];
orig = [inner, 1];
c = orig.copy();
c.append(2);
inner.append(9);
print(orig, c, c == orig, c[0] == orig[0]); // expect: [[0, 9], 1] [[0, 9], 1, 2] false true
d = [].copy();
d.reverse();
print(d); // expect: []
