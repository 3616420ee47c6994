// A small complete program.
import math;

function fib(n) {
    if (n < 2) {
        return n;
    }
    return fib(n - 1) + fib(n - 2);
}

function make_counter() {
    count = 0;
    return fn() => {
        nonlocal count;
        count = count + 1;
        return count;
    };
}

results = [];
for (i in range(10)) {
    results.append(fib(i));
}
counter = make_counter();
counter();
try {
    x = 10 // 0;
} except (e) {
    print("error: " + e.message);
}
total = sum(map(fn(x) => x * x, results));
print(total > 100 ? "big" : "small");
