// §5.4 `+` on numbers, strings and arrays
print(1 + 2, 1 + 2.5, 2.5 + 1, 0.5 + 0.25, -1 + 1); // expect: 3 3.5 3.5 0.75 0
print("ab" + "cd", [1] + [2, 3], [] + [], ["x"] + [[1]]); // expect: abcd [1, 2, 3] [] ["x", [1]]
print(repr("" + "")); // expect: ""
a = [1];
b = a + [2];
b.append(3);
print(a, b); // expect: [1] [1, 2, 3]
c = a + [];
print(c == a, len(c)); // expect: true 1
c.append(9);
print(a); // expect: [1]
