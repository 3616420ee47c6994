// §6.9 a top-level return ends the program normally; its value is evaluated and ignored
function side() {
    print("value evaluated");
    return 42;
}
print("before"); // expect: before
for (i in [1, 2, 3]) {
    if (i == 2) {
        return side();
    }
    print(i);
}
// expect: 1
// expect: value evaluated
print("not reached");
