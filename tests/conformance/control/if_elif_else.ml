// §6.5 the block of the first truthy condition runs, otherwise the else block
function classify(n) {
    if (n < 0) {
        return "negative";
    } elif (n == 0) {
        return "zero";
    } elif (n < 10) {
        return "small";
    } else {
        return "large";
    }
}
print(classify(-5), classify(0), classify(3), classify(99)); // expect: negative zero small large
x = 5;
if (x > 1) {
    print("first");
} elif (x > 2) {
    print("second");
}
// expect: first
if (false) {
    print("no");
}
if (null) {
    print("no");
} elif ("") {
    print("no");
}
if ("text") {
    print("truthy string");
}
// expect: truthy string
log = [];
function c(v) {
    log.append(v);
    return v;
}
if (c(0)) {
} elif (c(1)) {
} elif (c(2)) {
} else {
}
print(log); // expect: [0, 1]
