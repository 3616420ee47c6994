// A function defined in a `finally` block, which is compiled once per exit path.
try {
    print("ok");
} finally {
    function g() {
        y = 5;
        return y;
    }
    print(g());
}
for (i in [1, 2]) {
    try {
        if (i == 1) {
            continue;
        }
        print("body", i);
    } finally {
        function h(a) {
            b = a * 10;
            return b;
        }
        print(h(i));
    }
}
try {
    print("t");
} finally {
    try {
        throw {message: "m"};
    } except (e) {
        function k() {
            return e.message;
        }
        print(k());
    }
}
