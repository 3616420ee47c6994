// §3.1 every statement form of the grammar
x = 1;
a = [1, 2, 3];
a[0] = 10;
o = {};
o.k = "v";
a[1:2] = [20, 21];
[p, q] = [5, 6];
{k} = o;
print(x, a, o, p, q, k); // expect: 1 [10, 20, 21, 3] {"k": "v"} 5 6 v
function add(m, n) {
    return m + n;
}
print(add(2, 3)); // expect: 5
if (x == 1) {
    print("if");
} elif (x == 2) {
    print("elif");
} else {
    print("else");
}
// expect: if
i = 0;
while (i < 3) {
    i = i + 1;
}
for (c in "ab") {
    print(c);
}
// expect: a
// expect: b
try {
    throw {message: "thrown"};
} except (e) {
    print(e.message);
} finally {
    print("finally");
}
// expect: thrown
// expect: finally
while (true) {
    break;
}
for (j in [1, 2, 3]) {
    if (j == 2) {
        continue;
    }
    print(j);
}
// expect: 1
// expect: 3
function counter() {
    n = 0;
    function inc() {
        nonlocal n;
        n = n + 1;
        return n;
    }
    inc();
    return inc();
}
print(counter()); // expect: 2
add(1, 2);
"an expression statement";
return;
print("not reached");
