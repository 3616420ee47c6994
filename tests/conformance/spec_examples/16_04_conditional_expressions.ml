x = 7; // §16.4 Conditional expressions (the program is verbatim; line numbers are the specification's)
print((x > 5 ? 10 : 20) + 5);
print(5 + (x < 5 ? 1 : 2));
print(-(x > 5 ? 1 : 2));
print(x > 5 ? "big" : x > 3 ? "mid" : "small");
grade = fn(s) => s >= 90 ? "A" : s >= 80 ? "B" : "C";
print(grade(95), grade(85), grade(50));
a = false;
b = true;
print(a ? (b ? "c" : "d") : "e");
// expect: 15
// expect: 7
// expect: -1
// expect: big
// expect: A B C
// expect: e
