// §2.2 `//` is floor division directly after an operand and a comment elsewhere
x = 10 // 3; // note
print(x); // expect: 3
note = 2;
y = 5 // note
;
print(y); // expect: 2
a = [7, 8];
print(a[1] // 3); // expect: 2
print((9) // 2); // expect: 4
print(len("abcdefg") // 2); // expect: 3
o = {if: 9, k: 5};
print(o.if // 4); // expect: 2
print(o.k // 2, {k: 7}.k // 2); // expect: 2 3
print(17 // 5, 17.5 // 5); // expect: 3 3.0
