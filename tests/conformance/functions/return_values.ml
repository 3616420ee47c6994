// §5.13 §6.9 return with and without a value; falling off the end returns null
function a() {
    return;
}
function b() {
}
function c(x) {
    if (x) {
        return "yes";
    }
}
function d() {
    return [1, 2];
}
print(a(), b(), c(true), c(false), d()); // expect: null null yes null [1, 2]
function early(items) {
    for (x in items) {
        if (x > 2) {
            return x;
        }
    }
    return -1;
}
print(early([1, 5, 3]), early([])); // expect: 5 -1
function nested_loops() {
    while (true) {
        for (i in range(10)) {
            if (i == 3) {
                return i * 100;
            }
        }
    }
}
print(nested_loops()); // expect: 300
