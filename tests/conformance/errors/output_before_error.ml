// §9.5 output written before an uncaught error remains
for (i in range(3)) {
    print("line", i);
}
// expect: line 0
// expect: line 1
// expect: line 2
data = {a: 1};
print(data.a); // expect: 1
print(data["b"]);
print("not reached");
// expect-error: KeyError@10
