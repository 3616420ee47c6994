// fib.ml — Fibonacci numbers four ways.
//
// Shows: recursive functions, memoisation with an object used as a cache,
// closures that keep private state (`nonlocal`), iteration with destructuring,
// arbitrary-precision integers and float division.
//
// Run: cargo run --release -- run examples/fib.ml

// 1. Naive recursion: simple, but the number of calls grows exponentially.
calls = 0;
function fib_naive(n) {
    nonlocal calls;
    calls = calls + 1;
    if (n < 2) {
        return n;
    }
    return fib_naive(n - 1) + fib_naive(n - 2);
}

// 2. Memoised recursion. The cache is an ordinary object; its keys are the
//    decimal texts of n so that `hasattr` can test whether a value is known.
function make_memo_fib() {
    cache = {"0": 0, "1": 1};
    hits = 0;
    function fib(n) {
        nonlocal hits;
        key = str(n);
        if (hasattr(cache, key)) {
            hits = hits + 1;
            return cache[key];
        }
        value = fib(n - 1) + fib(n - 2);
        cache[key] = value;
        return value;
    }
    // Expose the function together with two views of its private state.
    return {
        fib: fib,
        size: fn() => len(cache),
        hits: fn() => hits
    };
}

// 3. Iteration with array destructuring: [a, b] = [b, a + b] swaps in one step.
function fib_iter(n) {
    a = 0;
    b = 1;
    for (i in range(n)) {
        [a, b] = [b, a + b];
    }
    return a;
}

// 4. A generator-like closure: every call returns the next Fibonacci number.
function fib_stream() {
    current = 0;
    following = 1;
    return fn() => {
        nonlocal current, following;
        value = current;
        [current, following] = [following, current + following];
        return value;
    };
}

print("naive fib(20) =", fib_naive(20), "using", calls, "calls");

memo = make_memo_fib();
print("memo  fib(90) =", memo.fib(90));
print("cache entries:", memo.size(), "cache hits:", memo.hits());
print("iter  fib(90) =", fib_iter(90), fib_iter(90) == memo.fib(90));

// Ints never overflow: fib(300) has 63 digits.
big = fib_iter(300);
print("fib(300) =", big);
print("digits:", len(str(big)));

next_fib = fib_stream();
first = [];
for (i in range(15)) {
    first.append(str(next_fib()));
}
print("first 15:", ", ".join(first));

// The ratio of neighbours approaches the golden ratio (1 + sqrt(5)) / 2.
for (n in [5, 10, 20, 40]) {
    ratio = fib_iter(n + 1) / fib_iter(n);
    print("fib(" + (n + 1) + ") / fib(" + n + ") =", format(ratio, ".12f"));
}

// Even-valued terms below four million (a classic exercise).
total = 0;
k = 1;
while (fib_iter(k) < 4000000) {
    if (fib_iter(k) % 2 == 0) {
        total = total + fib_iter(k);
    }
    k = k + 1;
}
print("sum of even terms below 4,000,000:", total);
