// Function definitions, parameter annotations and returns (spec §6.4, §6.9).
function nothing() {
}
function add(a, b) {
    return a + b;
}
function typed(x: int, y: number, z) {
    return;
}
function outer() {
    count = 0;
    function inner() {
        nonlocal count;
        count = count + 1;
        return count;
    }
    return inner;
}
