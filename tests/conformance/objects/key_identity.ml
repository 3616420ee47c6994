// §4.4 keys that are equal are the same key; the existing key keeps its form and position
o = {};
o[1] = "a";
o[1.0] = "b";
print(o, len(o)); // expect: {1: "b"} 1
p = {};
p[1.0] = "a";
p[1] = "b";
print(p); // expect: {1.0: "b"}
q = {};
q[0] = "zero";
q[-0.0] = "negzero";
q[0.0] = "poszero";
print(q); // expect: {0: "poszero"}
r = {};
r[1] = "int";
r[true] = "bool";
r["1"] = "string";
print(r, len(r)); // expect: {1: "int", true: "bool", "1": "string"} 3
s = {x: 1, y: 2};
s["x"] = 10;
s.z = 3;
s["y"] = 20;
print(s); // expect: {"x": 10, "y": 20, "z": 3}
b = {};
b[18446744073709551616] = "big";
b[18446744073709551616.0] = "bigfloat";
b[9007199254740993] = "odd";
b[9007199254740992.0] = "even";
print(b); // expect: {18446744073709551616: "bigfloat", 9007199254740993: "odd", 9007199254740992.0: "even"}
print(b[18446744073709551616.0], b[9007199254740992]); // expect: bigfloat even
