// §7.1 §7.5 functions read top-level variables by reference and update them with nonlocal
count = 0;
function bump() {
    nonlocal count;
    count = count + 1;
    return count;
}
bump();
bump();
print(count); // expect: 2
function readLater() {
    return limit * 2;
}
limit = 21;
print(readLater()); // expect: 42
limit = 50;
print(readLater()); // expect: 100
total = 0;
add = fn(v) => {
    nonlocal total;
    total = total + v;
};
for (v in [1, 2, 3]) {
    add(v);
}
print(total); // expect: 6
