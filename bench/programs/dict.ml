// dict: 200,000 string-keyed inserts into an object, then 200,000 lookups.
// Measures string building with `+` (int to text), string hashing, and object
// (map) insertion and lookup. Lookups visit the keys in a scrambled order.

function main() {
    n = 200000;
    d = {};
    for (i in range(n)) {
        d["k" + i] = i;
    }
    total = 0;
    for (i in range(n)) {
        // 7 and n are coprime, so this visits every key exactly once.
        total = total + d["k" + (i * 7) % n];
    }
    print(total, d["k12345"]);
}

main();
