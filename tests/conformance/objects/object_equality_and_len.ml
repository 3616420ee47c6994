// §5.5 §11.4 object equality ignores order; len, keys and values
o = {a: 1, b: [2]};
print(o == {b: [2], a: 1}, o == {a: 1}, o == {a: 1, b: [2.0]}, len(o), len({})); // expect: true false true 2 0
print(keys({}), values({}), values(o)); // expect: [] [] [1, [2]]
k = keys(o);
k.append("z");
print(keys(o)); // expect: ["a", "b"]
o2 = {};
o2[1] = 1;
o3 = {};
o3[1.0] = 1;
print(o2 == o3); // expect: true
