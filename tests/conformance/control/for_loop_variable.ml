// §6.7 the loop variable belongs to the enclosing scope and keeps the last item
for (i in [1, 2, 3]) {
}
print(i); // expect: 3
for (i in []) {
}
print(i); // expect: 3
function f() {
    for (j in "xyz") {
    }
    return j;
}
print(f()); // expect: z
function g() {
    for (never_set in []) {
    }
    return never_set;
}
try {
    g();
} except (e) {
    print(e.type);
}
// expect: NameError
