// §5.11 member reads and writes give the same result whatever objects an access site
// saw before: objects with the key at different positions, keys built at run time,
// keys added later, and non-string keys that print alike
function get_x(o) {
    return o.x;
}
function set_x(o, v) {
    o.x = v;
}
a = {x: 1, y: 2};
b = {y: 3, x: 4};
c = {z: 0};
d = {};
d["x" + ""] = 7;
e = {};
e[1] = "int key";
print(get_x(a), get_x(b), get_x(c), get_x(d), get_x(a), get_x(b)); // expect: 1 4 null 7 1 4
objs = [a, b, c, d, a, c];
for (o in objs) {
    set_x(o, get_x(o) == null ? 10 : get_x(o) + 100);
}
print(a, b, c, d); // expect: {"x": 201, "y": 2} {"y": 3, "x": 104} {"z": 0, "x": 110} {"x": 107}
k = "x";
f = {};
f[k] = "computed";
f.w = 1;
print(get_x(f), f["x"], f.w, keys(f)); // expect: computed computed 1 ["x", "w"]
print(e.x, e[1], len(e)); // expect: null int key 1
e.x = 5;
print(e, keys(e)); // expect: {1: "int key", "x": 5} [1, "x"]
