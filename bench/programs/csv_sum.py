# csv_sum: reads a 100,000-row CSV file with headers into dicts, sums two int columns
# and counts the rows of each category (see csv_sum.ml).
import csv


def main():
    with open("csv_sum.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    total = 0
    quantity = 0
    counts = {}
    for r in rows:
        total = total + int(r["amount"])
        quantity = quantity + int(r["qty"])
        c = r["category"]
        counts[c] = counts.get(c, 0) + 1
    print(len(rows), total, quantity)
    for name in sorted(counts.keys()):
        print(name, counts[name])


main()
