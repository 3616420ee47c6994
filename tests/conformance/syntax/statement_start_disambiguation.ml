// §3.2 statements that begin with `{` or `[`
o = {a: 1, b: 2};
{a, b} = o;
print(a, b); // expect: 1 2
{a} = {a: 5};
print(a); // expect: 5
[x, y] = [3, 4];
print(x, y); // expect: 3 4
[x] = "z";
print(x); // expect: z
{a: print("object literal statement")};
// expect: object literal statement
{"s": print("string key")};
// expect: string key
{};
[print("array literal statement")];
// expect: array literal statement
[1, 2].append(3);
[10, 20][0] = 99;
{k: 1}.k;
t = [7, 8, 9];
[t][0][1] = 80;
print(t); // expect: [7, 80, 9]
[t][0].append(10);
print(t); // expect: [7, 80, 9, 10]
