// §5.5 equality across kinds never raises
print(1 == 1.0, 1 != 1.0, 0 == -0.0, "1" == 1, 0 == false, null == false, 1 == true); // expect: true false true false false false false
print(null == null, true == true, false != true, "" == "", "a" == "a", "a" == "A"); // expect: true true true true true false
print([1, 2] == [1, 2.0], [1, [2]] == [1.0, [2]], [1] == [1, 1], [] == [], [] == {}); // expect: true true false true false
print({a: 1, b: 2} == {b: 2, a: 1}, {a: 1} == {a: 1.0}, {a: 1} == {a: 1, b: 2}, {} == {}); // expect: true true false true
f = fn() => 1;
g = fn() => 1;
print(f == f, f == g, f != g, builtin == builtin, print == print, print == len); // expect: true false true true true false
print(builtin.len == len, "s" == ["s"], null == 0, null == "", print == "print", [null] == [null]); // expect: true false false false false true
print(18446744073709551616 == 18446744073709551616.0, 9007199254740993 == 9007199254740993.0, 9007199254740992 == 9007199254740993.0); // expect: true false true
it = iter([]);
print(it == it, iter([]) == iter([])); // expect: true false
o = {k: [1, {z: null}]};
p = {k: [1, {z: null}]};
print(o == p, o != p); // expect: true false
try {
    x = 1 / 0;
} except (e) {
    print(e == {message: e.message, type: "ZeroDivisionError", line: 17}, e == {type: e.type, line: e.line, message: e.message}); // expect: true true
}
