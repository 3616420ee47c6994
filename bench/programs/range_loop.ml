// range_loop: a 5-million-iteration `for (i in range(n))` loop that sums.
// Measures the `for`/`range` machinery (range(n) is an array by the language
// definition, so an implementation may or may not materialise it) plus `+` and `%`.

function main() {
    n = 5000000;
    total = 0;
    odd = 0;
    for (i in range(n)) {
        total = total + i;
        odd = odd + i % 2;
    }
    print(total, odd);
}

main();
