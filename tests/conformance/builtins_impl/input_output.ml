// §11.8 print and input: input writes its prompt and raises IOError at end of input
print(); // expect:
print(1, "a", [1, "a"], null, 2.0); // expect: 1 a [1, "a"] null 2.0
try {
    input("name? ");
} except (e) {
    print(e.type);
}
// expect: name? IOError
try {
    input(null);
} except (e) {
    print(e.type);
}
// expect: IOError
try {
    input([1, "x"]);
} except (e) {
    print("", e.type);
}
// expect: [1, "x"] IOError
input();
// expect-error: IOError@22
