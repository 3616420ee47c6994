// sorting.ml — four classic sorting algorithms, checked against sorted().
// Shows: loops, array indexing, slicing and concatenation, recursion, functions
// stored in objects, an object shared by reference, array equality and ordering.
// Run: cargo run --release -- run examples/sorting.ml

// All algorithms count their comparisons in this shared object.
stats = {comparisons: 0};

function less(a, b) {
    stats.comparisons = stats.comparisons + 1;
    return a < b;
}

function swap(a, i, j) {
    tmp = a[i];
    a[i] = a[j];
    a[j] = tmp;
}

function insertion_sort(items) {
    a = items.copy();
    for (i in range(1, len(a))) {
        current = a[i];
        j = i - 1;
        while (j >= 0 && less(current, a[j])) {
            a[j + 1] = a[j];
            j = j - 1;
        }
        a[j + 1] = current;
    }
    return a;
}

function selection_sort(items) {
    a = items.copy();
    for (i in range(len(a))) {
        smallest = i;
        for (j in range(i + 1, len(a))) {
            if (less(a[j], a[smallest])) {
                smallest = j;
            }
        }
        swap(a, i, smallest);
    }
    return a;
}

function merge_sort(items) {
    if (len(items) <= 1) {
        return items;
    }
    middle = len(items) // 2;
    left = merge_sort(items[:middle]);
    right = merge_sort(items[middle:]);
    merged = [];
    [i, j] = [0, 0];
    while (i < len(left) && j < len(right)) {
        if (less(right[j], left[i])) {
            merged.append(right[j]);
            j = j + 1;
        } else {
            merged.append(left[i]);
            i = i + 1;
        }
    }
    return merged + left[i:] + right[j:];
}

// In-place quicksort with Lomuto partitioning; the helper closes over `a`.
function quick_sort(items) {
    a = items.copy();
    function sort_range(lo, hi) {
        if (lo >= hi) {
            return;
        }
        pivot = a[hi];
        store = lo;
        for (k in range(lo, hi)) {
            if (less(a[k], pivot)) {
                swap(a, k, store);
                store = store + 1;
            }
        }
        swap(a, store, hi);
        sort_range(lo, store - 1);
        sort_range(store + 1, hi);
    }
    sort_range(0, len(a) - 1);
    return a;
}

// Pseudo-random data from a linear congruential generator: same on every run.
function random_ints(count, seed, limit) {
    result = [];
    for (i in range(count)) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        result.append(seed // 65536 % limit);
    }
    return result;
}

algorithms = [{name: "insertion", run: insertion_sort}, {name: "selection", run: selection_sort},
    {name: "merge", run: merge_sort}, {name: "quick", run: quick_sort}];
data = random_ints(200, 42, 1000);
expected = sorted(data);
print("data:", data[:10], "... (" + len(data) + " items)");
print("smallest:", expected[:5], "largest:", expected[-5:]);

for (algorithm in algorithms) {
    stats.comparisons = 0;
    result = algorithm.run(data);
    status = result == expected ? "ok" : "WRONG";
    print(algorithm.name.ljust(10), status, format(stats.comparisons, ">6"), "comparisons");
}

// The same functions sort strings, and arrays (compared item by item).
words = "pear fig apple cherry banana date elderberry grape".split();
print(merge_sort(words));
print(quick_sort([[2, "b"], [1, "z"], [2, "a"], [1, "y"]]));
print(insertion_sort(data) == sorted(data, true)[::-1], sorted(words, true)[0]);
