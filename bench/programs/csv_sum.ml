// csv_sum: reads a 100,000-row CSV file (made by csv_sum.setup.py) with headers into
// objects, sums two int columns and counts the rows of each category. Measures
// `csv.read` (parsing, quoted fields, one object a row), string-keyed member reads,
// `int` of strings and object counters.
import csv;

function main() {
    rows = csv.read("csv_sum.csv");
    total = 0;
    quantity = 0;
    counts = {};
    for (r in rows) {
        total = total + int(r["amount"]);
        quantity = quantity + int(r["qty"]);
        c = r["category"];
        counts[c] = getattr(counts, c, 0) + 1;
    }
    print(len(rows), total, quantity);
    for (name in sorted(keys(counts))) {
        print(name, counts[name]);
    }
}

main();
