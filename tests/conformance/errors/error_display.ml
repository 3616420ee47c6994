// §9.3 §4.7 an error object displays as its message, and in containers and repr as an object
try {
    throw {message: "boom", code: 3};
} except (e) {
    print(e); // expect: boom
    print(str(e) == str(e.message), "E: " + e); // expect: true E: boom
    print([e]); // expect: [{"message": "boom", "type": "UserError", "line": 3, "code": 3}]
    print(repr(e)); // expect: {"message": "boom", "type": "UserError", "line": 3, "code": 3}
    print({err: e}); // expect: {"err": {"message": "boom", "type": "UserError", "line": 3, "code": 3}}
    print(format(e, "")); // expect: boom
}
try {
    throw {message: ["a", 1]};
} except (e) {
    print(e, str(e)); // expect: ["a", 1] ["a", 1]
}
