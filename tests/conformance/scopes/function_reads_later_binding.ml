// §7.4 a function may read a top-level variable that is assigned later in the file
function f() {
    return limit;
}
limit = 5;
print(f()); // expect: 5
function g() {
    return helper() * 2;
}
function helper() {
    return 21;
}
print(g()); // expect: 42
