// §6.10 §9.3 thrown fields become fields of the error object after message, type and line
function risky(n) {
    if (n < 0) {
        throw {message: "negative input", code: 7};
    }
    return n;
}
try {
    risky(-1);
} except (e) {
    print(e.type, e.message, e.code, e.line); // expect: UserError negative input 7 4
    print(keys(e)); // expect: ["message", "type", "line", "code"]
}
try {
    throw {code: 1, message: "m", extra: [1, 2]};
} except (e) {
    print(keys(e), values(e)); // expect: ["message", "type", "line", "code", "extra"] ["m", "UserError", 15, 1, [1, 2]]
}
try {
    throw {type: "Timeout", message: "slow"};
} except (e) {
    print(e.type, e.message, keys(e)); // expect: Timeout slow ["message", "type", "line"]
}
try {
    throw {line: 99, message: "custom line"};
} except (e) {
    print(e.line, e); // expect: 99 custom line
}
