// §4.7 containers that contain themselves are written with [...] and {...}
a = [1, 2];
a.append(a);
print(a); // expect: [1, 2, [...]]
o = {name: "o"};
o.self = o;
print(o); // expect: {"name": "o", "self": {...}}
b = [0];
c = {arr: b};
b.append(c);
print(b); // expect: [0, {"arr": [...]}]
print(c); // expect: {"arr": [0, {...}]}
x = [1];
print([x, x], {p: x, q: x}); // expect: [[1], [1]] {"p": [1], "q": [1]}
print(str(a), repr(o)); // expect: [1, 2, [...]] {"name": "o", "self": {...}}
