// §5.12 calling a value that is not a function raises TypeError
values_to_call = [5, "print", null, [print], {}];
for (v in values_to_call) {
    try {
        v();
    } except (e) {
        print(e.type);
    }
}
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
x = 3;
try {
    x(1);
} except (e) {
    print(e.type, e.line);
}
// expect: TypeError 17
