// §4.4 objects keep insertion order; assigning an existing key keeps its position
o = {c: 1, a: 2, b: 3};
print(keys(o), values(o)); // expect: ["c", "a", "b"] [1, 2, 3]
o.a = 20;
o.d = 4;
o["c"] = 10;
print(o); // expect: {"c": 10, "a": 20, "b": 3, "d": 4}
n = {};
for (i in [3, 1, 2]) {
    n[i] = i * i;
}
print(n, keys(n)); // expect: {3: 9, 1: 1, 2: 4} [3, 1, 2]
