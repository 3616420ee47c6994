function f() {
    g(1, 2
}
x = 1;
