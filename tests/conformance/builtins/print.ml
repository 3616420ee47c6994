// §11.8 print writes display forms separated by spaces and followed by a line feed; it returns null
print(1, "a", null, [1.0]); // expect: 1 a null [1.0]
print();
// expect:
r = print("x"); // expect: x
print(r); // expect: null
print("a\nb");
// expect: a
// expect: b
print("");
// expect:
print("multiple", "words", "here"); // expect: multiple words here
p = print;
p(p); // expect: <function print>
