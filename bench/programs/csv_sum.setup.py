# csv_sum setup: writes csv_sum.csv (100,000 data rows) into the current directory,
# from the same LCG as the other programs, so every run reads identical bytes.
# Run once before timing (see bench/README.md); the timed programs only read it.

CATEGORIES = ["books", "garden", "kitchen", "toys", "tools"]
COLOURS = ["red", "green", "blue", "black"]


def main():
    seed = 42
    lines = ["id,name,category,amount,qty,note"]
    for i in range(100000):
        seed = (seed * 1103515245 + 12345) % 2147483648
        category = CATEGORIES[seed // 65536 % 5]
        amount = seed % 100000
        qty = seed // 7 % 50
        if seed % 4 == 0:
            note = '"size %d, %s"' % (seed % 13, COLOURS[seed // 13 % 4])
        elif seed % 4 == 1:
            note = '"says ""hi"""'
        else:
            note = "plain"
        lines.append("%d,item %d,%s,%d,%d,%s" % (i, i, category, amount, qty, note))
    with open("csv_sum.csv", "w", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")


main()
