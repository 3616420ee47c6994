// a module main.ml does not import
function alpha() {
    return 1;
}
function beta(x) {
    return x;
}
gamma = 3;
