// §5.11 §10 a method read without a call is a bound method that can be called later
s = "Hello";
up = s.upper;
print(up(), typeof(up), callable(up), up); // expect: HELLO function true <function upper>
arr = [];
push = arr.append;
push(1);
push(2);
print(arr); // expect: [1, 2]
f = "a-b-c".split;
print(f("-"), f("-", 1)); // expect: ["a", "b", "c"] ["a", "b-c"]
methods_list = [s.lower, s.swapcase];
low = methods_list[0];
print(low(), call(methods_list[1])); // expect: hello hELLO
obj = {m: "xyz".upper};
print(obj.m()); // expect: XYZ
g = getattr("abc", "upper");
print(g()); // expect: ABC
pop = arr.pop;
pop();
print(arr); // expect: [1]
