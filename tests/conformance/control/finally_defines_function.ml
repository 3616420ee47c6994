// §6.11 a function or arrow defined in a finally block works on every path that runs the block
try {
    print("ok"); // expect: ok
} finally {
    function g() { y = 5; return y; }
    print(g()); // expect: 5
}
for (i in [1, 2]) {
    try {
        if (i == 1) {
            continue;
        }
        print(i);
    } finally {
        function h(a) { w = a * 10; return w; }
        print(h(i));
        // expect: 10
        // expect: 2
        // expect: 20
    }
}
function f() {
    for (k in [1]) {
        try {
            continue;
        } finally {
            try {
                throw {message: "m"};
            } except (e) {
                q = fn() => e.message;
                print(q()); // expect: m
            }
        }
    }
    try {
        return "r";
    } finally {
        add = fn(a, b) => a + b;
        print(add(2, 3)); // expect: 5
    }
}
print(f()); // expect: r
try {
    throw {message: "boom"};
} finally {
    function last() { v = "last"; return v; }
    print(last()); // expect: last
}
// expect-error: UserError@44
