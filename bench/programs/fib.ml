// fib: naive doubly recursive Fibonacci.
// Measures function-call overhead: argument passing, frame creation, returns and
// small-int arithmetic (fib(30) makes about 2.7 million calls).

function fib(n) {
    if (n < 2) {
        return n;
    }
    return fib(n - 1) + fib(n - 2);
}

function main() {
    print(fib(30));
}

main();
