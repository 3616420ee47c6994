// §7.1 blocks of if, while, for and try do not create scopes
if (true) {
    a = "from if";
}
while (true) {
    b = "from while";
    break;
}
for (i in [1]) {
    c = "from for";
}
try {
    d = "from try";
} finally {
    f = "from finally";
}
print(a, b, c, d, f); // expect: from if from while from for from try from finally
function g() {
    if (false) {
        never = 1;
    }
    return never;
}
try {
    g();
} except (err) {
    print(err.type);
}
// expect: NameError
