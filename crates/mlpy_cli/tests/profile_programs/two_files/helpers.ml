function square(x) {
    return x * x;
}
function cube(x) {
    return x * square(x);
}
