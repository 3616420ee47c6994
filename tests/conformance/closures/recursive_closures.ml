// §7.5 local functions and arrow functions can call themselves through their enclosing binding
function run() {
    function fact(n) {
        return n <= 1 ? 1 : n * fact(n - 1);
    }
    fib = fn(n) => n < 2 ? n : fib(n - 1) + fib(n - 2);
    return [fact(10), fib(15)];
}
print(run()); // expect: [3628800, 610]
memo = {};
function mfib(n) {
    if (n < 2) {
        return n;
    }
    if (len(keys(memo)) > 0 && hasattr(memo, str(n))) {
        return memo[str(n)];
    }
    r = mfib(n - 1) + mfib(n - 2);
    memo[str(n)] = r;
    return r;
}
print(mfib(90)); // expect: 2880067194370816120
