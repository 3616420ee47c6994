// §4.7 display forms of every value kind
print(true, null, 1.0, "s", [true, null, "s", 2.5], {k: false, "x y": [1]});
// expect: true null 1.0 s [true, null, "s", 2.5] {"k": false, "x y": [1]}
print(["a\"b", "tab\there", "é"]);
// expect: ["a\"b", "tab\there", "é"]
print([], {}, [[]], [{}], {a: {}}); // expect: [] {} [[]] [{}] {"a": {}}
function named() {
}
print(named, print, fn() => 1, builtin, builtin.len); // expect: <function named> <function print> <function anonymous> <module builtin> <function len>
print("s".upper, [].append); // expect: <function upper> <function append>
print([named, "x"], {f: print}); // expect: [<function named>, "x"] {"f": <function print>}
print(-12, 0, 12345678901234567890123, -12345678901234567890123); // expect: -12 0 12345678901234567890123 -12345678901234567890123
print(iter([1])); // expect: <Iterator>
print([iter([])]); // expect: [<Iterator>]
print(false, [false], {f: false}); // expect: false [false] {"f": false}
