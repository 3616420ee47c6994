// A module that is never imported: only its presence and its function names are observed.
function beta() {
    return 2;
}
value = 1;
function alpha() {
    return 1;
}
print("helper must not run");
