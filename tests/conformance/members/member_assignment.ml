// §6.2 member assignment stores under a string key of an object; other kinds raise TypeError
o = {};
o.a = 1;
o.b = [];
o.b.append(2);
o.a = 3;
print(o, o["a"]); // expect: {"a": 3, "b": [2]} 3
o.if = "kw";
print(o.if, keys(o)); // expect: kw ["a", "b", "if"]
targets = ["abc", [1], 5, null, print, builtin];
for (t in targets) {
    try {
        t.x = 1;
        print("stored");
    } except (e) {
        print(e.type);
    }
}
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
