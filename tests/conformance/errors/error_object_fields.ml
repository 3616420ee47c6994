// §9.3 error objects have the keys message, type and line, in this order
try {
    x = 1 / 0;
} except (e) {
    print(keys(e), e.type, e.line, typeof(e.message), typeof(e.line)); // expect: ["message", "type", "line"] ZeroDivisionError 3 string number
    print(typeof(e), isinstance(e, "error"), len(e), e["type"]); // expect: object true 3 ZeroDivisionError
    print(e.missing, hasattr(e, "message"), callable(e)); // expect: null true false
}
