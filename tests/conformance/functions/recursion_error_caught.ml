// §8 exceeding the call-depth limit raises RecursionError, which can be caught
function down(n) {
    if (n == 0) {
        return 0;
    }
    return 1 + down(n - 1);
}
try {
    down(100000);
    print("no limit reached");
} except (e) {
    print(e.type, typeof(e.message));
}
// expect: RecursionError string
print(down(100)); // expect: 100
forever = fn(n) => forever(n + 1);
try {
    forever(0);
} except (e) {
    print(e.type);
}
// expect: RecursionError
caught = 0;
for (i in range(3)) {
    try {
        down(1000000);
    } except {
        caught = caught + 1;
    }
}
print(caught); // expect: 3
