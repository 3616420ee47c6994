// §2.2 after `true`, `false`, `null`, a string and the `}` of an object literal, `//` is floor division
t = "unchanged";
try {
    t = true // 2;
} except (e) {
    print("true", e.type);
}
// expect: true TypeError
try {
    t = null // 2;
} except (e) {
    print("null", e.type);
}
// expect: null TypeError
try {
    t = false // 2;
} except (e) {
    print("false", e.type);
}
// expect: false TypeError
try {
    t = "s" // 2;
} except (e) {
    print("string", e.type);
}
// expect: string TypeError
try {
    t = {a: 1} // 2;
} except (e) {
    print("object", e.type);
}
// expect: object TypeError
print(t); // expect: unchanged
