// §10.1 §5.11 string method errors: argument kinds and counts, length is not a method
s = "abc";
function kind(f) {
    try {
        f();
        return "ok";
    } except (e) {
        return e.type;
    }
}
print(kind(fn() => s.length()), kind(fn() => s.nope()), kind(fn() => s.push("x")), kind(fn() => s.keys())); // expect: AttributeError AttributeError AttributeError AttributeError
print(kind(fn() => s.upper(1)), kind(fn() => s.strip(1)), kind(fn() => s.strip("a", "b")), kind(fn() => s.replace("a"))); // expect: TypeError TypeError TypeError TypeError
print(kind(fn() => s.replace(1, "b")), kind(fn() => s.replace("a", null)), kind(fn() => s.replace("a", "b", 1.0)), kind(fn() => s.replace("a", "b", true))); // expect: TypeError TypeError TypeError TypeError
print(kind(fn() => s.split("")), kind(fn() => s.rsplit("")), kind(fn() => s.split(1)), kind(fn() => s.split(",", "1"))); // expect: ValueError ValueError TypeError TypeError
print(kind(fn() => ",".join(["a", 1])), kind(fn() => ",".join([null])), kind(fn() => ",".join(5)), kind(fn() => ",".join())); // expect: TypeError TypeError TypeError TypeError
print(kind(fn() => s.index("z")), kind(fn() => s.rindex("z")), kind(fn() => s.index("a", 1)), kind(fn() => s.find(1))); // expect: ValueError ValueError ValueError TypeError
print(kind(fn() => s.find("a", 1.0)), kind(fn() => s.count("a", "0")), kind(fn() => s.startswith(["a"])), kind(fn() => s.endswith("c", 0, true))); // expect: TypeError TypeError TypeError TypeError
print(kind(fn() => s.center(5, "ab")), kind(fn() => s.center(5, "")), kind(fn() => s.ljust("5")), kind(fn() => s.rjust(5.0)), kind(fn() => s.center())); // expect: TypeError TypeError TypeError TypeError TypeError
print(kind(fn() => s.isdigit(1)), kind(fn() => s.title(null)), kind(fn() => s.split(",", 1, 2))); // expect: TypeError TypeError TypeError
try {
    "x".index("y");
} except (e) {
    print(e.message.find("index") >= 0, e.message.find("\"y\"") >= 0);
}
// expect: true true
"abc".length();
// expect-error: AttributeError@26
