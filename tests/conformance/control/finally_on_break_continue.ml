// §6.11 finally runs on break and continue
for (i in [1, 2, 3]) {
    try {
        if (i == 1) {
            continue;
        }
        if (i == 2) {
            break;
        }
    } finally {
        print("finally", i);
    }
}
// expect: finally 1
// expect: finally 2
n = 0;
while (n < 5) {
    n = n + 1;
    try {
        try {
            if (n == 2) {
                break;
            }
        } finally {
            print("inner", n);
        }
    } finally {
        print("outer", n);
    }
}
// expect: inner 1
// expect: outer 1
// expect: inner 2
// expect: outer 2
print(n); // expect: 2
