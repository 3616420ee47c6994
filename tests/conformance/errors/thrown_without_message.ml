// §9.3 a thrown object without message gets the display form of the thrown object as its message
try {
    throw {code: 1};
} except (e) {
    print(e.message, typeof(e.message)); // expect: {"code": 1} string
    print(keys(e)); // expect: ["message", "type", "line", "code"]
}
try {
    throw {};
} except (e) {
    print(e.message, e.type); // expect: {} UserError
}
try {
    throw {message: 42};
} except (e) {
    print(e.message, typeof(e.message), e); // expect: 42 number 42
}
try {
    throw {message: null, detail: "d"};
} except (e) {
    print(e.message, e.detail); // expect: null d
}
