// §6.10 §9.3 an error can be re-raised by throwing a new object with its fields
function parse(s) {
    try {
        return int(s);
    } except (e) {
        throw {message: "cannot parse " + s, type: e.type, original_line: e.line};
    }
}
try {
    parse("x1");
} except (e) {
    print(e.type, e.message, e.original_line, e.line); // expect: ValueError cannot parse x1 4 6
}
