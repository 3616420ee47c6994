// §7.3 §7.4 a variable local to one function is not visible in another
function a() {
    secret = 1;
}
function b() {
    return secret;
}
// expect-static: NameError@6
