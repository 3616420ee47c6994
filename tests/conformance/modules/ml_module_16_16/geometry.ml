PI = 3;
calls = 0;
function area(r) {
    nonlocal calls;
    calls = calls + 1;
    return PI * r * r;
}
print("geometry loaded");
