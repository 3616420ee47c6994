// closures: 1 million closures created and called.
// Each iteration makes an adder closure (an arrow function returning an arrow
// function that captures `x`) and calls it, and also calls a counter closure that
// updates a captured variable through `nonlocal`. Measures closure allocation,
// captured-variable access and calls of function values.

function make_counter() {
    count = 0;
    return fn() => {
        nonlocal count;
        count = count + 1;
        return count;
    };
}

function main() {
    make_adder = fn(x) => fn(y) => x + y;
    counter = make_counter();
    n = 1000000;
    total = 0;
    for (i in range(n)) {
        add = make_adder(i % 100);
        total = (total + add(i) + counter()) % 1000000007;
    }
    print(total, counter());
}

main();
