// §5.7 `&&`, `||` and `!` return operand values and short-circuit
function boom() {
    print("boom");
    return 1;
}
print(0 || "x", null && 1, "a" && "b", "" || null, 1 || boom(), 0 && boom()); // expect: x null b null 1 0
print(true && false, false || true, !true, !null, !"s", !0); // expect: false true false true false true
print([] || {}, [0] && "yes", "" && boom(), 0.0 || -0.0); // expect: {} yes  -0.0
calls = [];
function note(v) {
    calls.append(v);
    return v;
}
r = note(1) && note(0) && note(2);
print(r, calls); // expect: 0 [1, 0]
calls = [];
r = note(null) || note("") || note("found") || note("never");
print(r, calls); // expect: found [null, "", "found"]
print(1 && 2 || 3, 0 && 2 || 3, 0 || 0 && boom()); // expect: 2 3 0
