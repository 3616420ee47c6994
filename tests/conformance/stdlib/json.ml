// §12.6 json: parse, stringify, prettyPrint, validate, kind tests and object helpers
import json;
print(json.stringify({a: [1, 2.5, true, null, "é"]})); // expect: {"a": [1, 2.5, true, null, "\u00e9"]}
v = json.parse(" {\"a\": [1, 2.5e0, 12345678901234567890], \"b\": {\"c\": null}, \"a\": 7, \"s\": \"\\u00e9\\ud83d\\ude00\\n\"} ");
print(v.a, v.b, v.s == "é😀\n", keys(v)); // expect: 7 {"c": null} true ["a", "b", "s"]
w = json.parse("[1, 2.5e0, 12345678901234567890, -0, 1E2, true, false, null]");
print(w, typeof(w[2]), typeof(w[4])); // expect: [1, 2.5, 12345678901234567890, 0, 100.0, true, false, null] number number
print(json.parse("NaN"), json.parse("-Infinity"), json.parse(" [] "), json.parse("{}")); // expect: nan -inf [] {}
print(json.stringify([1.0, 0.1, -2, "tab\there", "q\"b\\"])); // expect: [1.0, 0.1, -2, "tab\there", "q\"b\\"]
print(json.stringify([float("nan"), float("inf"), -float("inf")])); // expect: [NaN, Infinity, -Infinity]
print(json.stringify("😀"), json.stringify(""), json.stringify({})); // expect: "\ud83d\ude00" "" {}
o = {};
o[1] = "one";
o[true] = 2;
o[null] = 3;
print(json.stringify(o)); // expect: {"1": "one", "true": 2, "null": 3}
print(json.prettyPrint({a: [1, 2], b: {}, c: []}));
// expect: {
// expect:     "a": [
// expect:         1,
// expect:         2
// expect:     ],
// expect:     "b": {},
// expect:     "c": []
// expect: }
print(json.prettyPrint([1, {x: 1}], 2));
// expect: [
// expect:   1,
// expect:   {
// expect:     "x": 1
// expect:   }
// expect: ]
print(json.prettyPrint(5), json.prettyPrint([])); // expect: 5 []
print(json.validate("[1, 2"), json.validate("[1, 2]"), json.validate("01"), json.validate("\"\\ud800\"")); // expect: false true false false
print(json.validate("[1,]"), json.validate("{\"a\" 1}"), json.validate("  true  "), json.validate("tru")); // expect: false false true false
print(json.isNumber(true), json.isNumber(1.5), json.isObject({}), json.isArray([]), json.isString("s"), json.isBoolean(false), json.isNull(null)); // expect: false true true true true true true
print(json.keys({a: 1, b: 2}), json.values({a: 1, b: 2}), json.hasKey({a: 1}, "a"), json.hasKey({a: 1}, "z")); // expect: ["a", "b"] [1, 2] true false
print(json.get({a: 1}, "a"), json.get({a: 1}, "b"), json.get({a: 1}, "b", 5)); // expect: 1 null 5
base = {a: 1, b: 2};
print(json.merge(base, {b: 3, c: 4}), base); // expect: {"a": 1, "b": 3, "c": 4} {"a": 1, "b": 2}
print(json.safeParse("[[1]]", 2), json.safeParse("{\"a\": [1]}")); // expect: [[1]] {"a": [1]}
shared = [1];
print(json.stringify([shared, shared])); // expect: [[1], [1]]
err = {};
try {
    throw {type: "UserError", message: "boom"};
} except (e) {
    err = e;
}
print(json.stringify(err) == json.stringify({type: "UserError", message: "boom"}) || json.parse(json.stringify(err)).message == "boom"); // expect: true
loop = [1];
loop.append(loop);
cases = [
    fn() => json.stringify(loop),
    fn() => json.stringify(print),
    fn() => json.stringify(json),
    fn() => json.parse("[1,]"),
    fn() => json.parse("\"\\ud800\""),
    fn() => json.parse("[1] x"),
    fn() => json.safeParse("[[[1]]]", 2),
    fn() => json.safeParse("[1]", -1),
    fn() => json.parse(5),
    fn() => json.keys([1]),
    fn() => json.merge({}, 1),
    fn() => json.hasKey({}, [1])
];
for (c in cases) {
    try {
        c();
        print("no error");
    } except (e) {
        print(e.type);
    }
}
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: ValueError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
