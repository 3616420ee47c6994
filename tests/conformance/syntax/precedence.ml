// §3.3 operator precedence and associativity
print(1 + 2 * 3, (1 + 2) * 3, 10 - 4 - 3, 100 / 10 / 5); // expect: 7 9 3 2.0
print(2 * 3 % 4, 17 // 5 * 5, 7 - 2 + 1, 2 * 7 // 4); // expect: 2 15 6 3
print(1 + 2 < 4, 1 < 2 == true, 2 + 3 == 5 && 1 < 2); // expect: true true true
print(true || false && false, (true || false) && false); // expect: true false
print(!true == false, !(1 == 2), !0 && 1, !!1); // expect: true true 1 true
a = [5, 6];
print(-a[0], -a[1] * 2, - a[0] + 1, -a[0] // 2); // expect: -5 -12 -4 -3
print(1 == 1 != false, 1 != 2 == true); // expect: true true
print(true ? 1 : 2 + 10, (false ? 1 : 2) + 10); // expect: 1 12
print(false ? 1 : true ? 2 : 3, true ? false ? 1 : 2 : 3); // expect: 2 2
print(0 || 1 ? "a" : "b", 1 && 0 ? "a" : "b"); // expect: a b
print("x" + 1 * 2, "x" + 1 + 2); // expect: x2 x12
s = "abc";
print(s.upper()[0], -len(s), [1, 2, 3][1:][0]); // expect: A -3 2
try {
    print(1 < 2 < 3);
} except (e) {
    print(e.type);
}
// expect: TypeError
