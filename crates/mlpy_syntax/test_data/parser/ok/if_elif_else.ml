// `if`, `elif` and `else` (spec §6.5).
if (a) {
    x = 1;
}
if (a) {
} else {
}
if (a) {
    x = 1;
} elif (b) {
    x = 2;
} elif (c) {
    x = 3;
} else {
    x = 4;
}
if (a) { if (b) { } else { } }
