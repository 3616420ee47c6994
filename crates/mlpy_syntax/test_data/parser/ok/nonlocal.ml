// `nonlocal` (spec §6.12).
function f() {
    nonlocal a;
    nonlocal a, b, c;
}
