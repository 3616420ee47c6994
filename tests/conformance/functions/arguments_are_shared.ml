// §4.4 §5.12 arguments are passed positionally; arrays and objects are shared, other values copied into parameters
function modify(arr, obj, n, s) {
    arr.append(4);
    obj.k = "changed";
    n = n + 1;
    s = s + "!";
    arr = [];
    return [n, s];
}
a = [1, 2, 3];
o = {k: "orig"};
n = 1;
s = "s";
print(modify(a, o, n, s), a, o, n, s); // expect: [2, "s!"] [1, 2, 3, 4] {"k": "changed"} 1 s
function swap(x, y) {
    return [y, x];
}
[p, q] = swap("first", "second");
print(p, q); // expect: second first
