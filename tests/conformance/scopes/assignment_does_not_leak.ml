// §7.3 an assignment in a function never changes an enclosing variable without nonlocal
x = "global";
function f() {
    x = "local";
    return x;
}
print(f(), x); // expect: local global
function g() {
    for (x in [1, 2]) {
    }
    [x, y] = [3, 4];
    return x;
}
print(g(), x); // expect: 3 global
h = fn() => {
    x = "arrow local";
    return x;
};
print(h(), x); // expect: arrow local global
