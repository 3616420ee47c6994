// §2.1 line breaks have no syntactic meaning
x
=
1
+
2
;
print(
x
); // expect: 3
if (x == 3) { print("a"); } print("b"); for (i in [1, 2]) { print(i); } // expect: a
// expect: b
// expect: 1
// expect: 2
