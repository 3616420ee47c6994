// §9.3 the line of an error is the line of the failing operation
function fails_inside() {
    return [][0];
}
lines = [];
try {
    x = 1 +
        null;
} except (e) {
    lines.append(e.line);
}
try {
    y = len(
        5);
} except (e) {
    lines.append(e.line);
}
try {
    z = [1, 2]
        [7];
} except (e) {
    lines.append(e.line);
}
try {
    w = "abc"
        .nosuch;
} except (e) {
    lines.append(e.line);
}
try {
    fails_inside();
} except (e) {
    lines.append(e.line);
}
try {
    throw {
        message: "multi-line throw"
    };
} except (e) {
    lines.append(e.line);
}
try {
    int("not a number");
} except (e) {
    lines.append(e.line);
}
print(lines); // expect: [7, 13, 20, 26, 3, 36, 43]
