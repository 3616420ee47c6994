// Errors raised and caught: 3 from the bottom of a 30-deep recursion, 1 from `deep(0)`
// caught in `rethrow`, whose handler raises 1 more (caught in `main`), and 1 in
// `shallow`: 6 unwindings.
function deep(n) {
    if (n == 0) { throw {message: "bottom"}; }
    return deep(n - 1);
}
function shallow() {
    try { x = [1][5]; } except (e) { return 1; }
    return 0;
}
function rethrow() {
    try { deep(0); } except (e) { throw {message: "again"}; }
    return 0;
}
function main() {
    caught = 0;
    for (i in range(3)) {
        try { deep(30); } except (e) { caught = caught + 1; }
    }
    try { rethrow(); } except (e) { caught = caught + 10; }
    return caught + shallow();
}
print(main());
