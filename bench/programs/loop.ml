// loop: a 10-million-iteration `while` loop with integer arithmetic.
// Measures the basic interpreter dispatch loop: local variable reads and writes,
// comparison, `+`, `*` and `%` on small ints. All values stay far below 2^63.

function main() {
    n = 10000000;
    i = 0;
    total = 0;
    while (i < n) {
        total = (total * 31 + i) % 1000000007;
        i = i + 1;
    }
    print(total);
}

main();
