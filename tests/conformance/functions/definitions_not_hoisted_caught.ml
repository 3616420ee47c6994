// §6.4 a function may call functions defined later, once their definitions have run
function first() {
    return second() + 1;
}
try {
    first();
} except (e) {
    print(e.type);
}
// expect: NameError
function second() {
    return 10;
}
print(first()); // expect: 11
function second() {
    return 20;
}
print(first()); // expect: 21
