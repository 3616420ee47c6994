// quicksort: list-based (functional) quicksort of 200,000 pseudo-random ints.
// The data comes from a linear congruential generator written in the program, so
// every implementation sorts the same numbers. Each call partitions into three new
// arrays with `append` and joins the sorted parts with array `+`. Measures
// recursion, array iteration, `append`, array concatenation and comparisons.

function make_data(n, seed) {
    items = [];
    for (i in range(n)) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        items.append(seed // 16 % 1000000);
    }
    return items;
}

function quicksort(items) {
    if (len(items) <= 1) {
        return items;
    }
    pivot = items[len(items) // 2];
    less = [];
    equal = [];
    greater = [];
    for (x in items) {
        if (x < pivot) {
            less.append(x);
        } elif (x > pivot) {
            greater.append(x);
        } else {
            equal.append(x);
        }
    }
    return quicksort(less) + equal + quicksort(greater);
}

function main() {
    data = make_data(200000, 2024);
    result = quicksort(data);
    // Check the order and fold the sorted values into a checksum.
    ordered = "sorted";
    checksum = 0;
    previous = result[0];
    for (x in result) {
        if (x < previous) {
            ordered = "NOT SORTED";
        }
        previous = x;
        checksum = (checksum * 31 + x) % 1000000007;
    }
    print(len(result), result[0], result[len(result) - 1], checksum, ordered);
}

main();
