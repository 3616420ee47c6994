// §4.4 every reference to an int array sees it change when a non-int item is stored
a = [1, 2, 3];
b = a;
b.append("four");
print(a); // expect: [1, 2, 3, "four"]
print(a == b, len(a)); // expect: true 4
c = [10, 20];
d = c;
d[0] = 1.5;
print(c, c[0] + c[1]); // expect: [1.5, 20] 21.5
e = [];
f = e;
f.append(1);
f.append(2);
e.insert(1, null);
print(f); // expect: [1, null, 2]
g = [5, 6, 7];
h = g;
h.extend(["x", 8]);
print(g); // expect: [5, 6, 7, "x", 8]
i = [1, 2, 3, 4];
j = i;
j[1:3] = [true, false];
print(i); // expect: [1, true, false, 4]
k = [0, 0, 0, 0];
m = k;
m[::2] = ["p", "q"];
print(k); // expect: ["p", 0, "q", 0]
n = [1, 2];
o = {items: n};
o.items[1] = [3];
print(n, o); // expect: [1, [3]] {"items": [1, [3]]}
// Ints stored after the change are still ints; removing the other item changes nothing visible.
p = [1, "s", 2];
q = p;
q.remove("s");
q.append(3);
print(p, p[0] + p[1] + p[2], typeof(p[2])); // expect: [1, 2, 3] 6 number
// A copy taken before the change keeps its own items.
r = [1, 2, 3];
s = r.copy();
t = r[:];
r[0] = "one";
print(r, s, t); // expect: ["one", 2, 3] [1, 2, 3] [1, 2, 3]
// The loop sees the new item kinds of the array it walks.
u = [1, 2, 3];
out = [];
for (x in u) {
    if (x == 1) {
        u[2] = "three";
        u.append(4.5);
    }
    out.append(x);
}
print(out); // expect: [1, 2, "three", 4.5]
