// §5.4.1 `+` with exactly one string operand uses the display form of the other operand
print("Hello " + 42, 42 + "!", "x" + true, "x" + null, "x" + 1.0); // expect: Hello 42 42! xtrue xnull x1.0
print("x" + [1, "s"], "x" + {a: 1}, "x" + [], "x" + {}); // expect: x[1, "s"] x{"a": 1} x[] x{}
print(1 + 2 + "3", "1" + 2 + 3, "1" + (2 + 3)); // expect: 33 123 15
s = "a";
n = 1;
print(s + 1, 1 + s, s + s, s + n, n + s); // expect: a1 1a aa a1 1a
print("f:" + print, "m:" + builtin, "n:" + -0.0, "e:" + 1e16); // expect: f:<function print> m:<module builtin> n:-0.0 e:1e+16
print("big " + 100000000000000000000, 0.1 + 0.2 + "!"); // expect: big 100000000000000000000 0.30000000000000004!
print(null + "x", true + "", [1] + "x", {k: "v"} + "."); // expect: nullx true [1]x {"k": "v"}.
print("q" + ["a\"b"], "é" + "😀"); // expect: q["a\"b"] é😀
