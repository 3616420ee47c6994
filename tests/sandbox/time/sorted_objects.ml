// §1.4 sorted() of a large array of arrays (comparisons that recurse into items)
// args: --timeout 1 --max-memory 256M
// exit: 75
a = [];
for (i in range(300000)) { a.append([i % 7, [i % 13, str(i)]]); }
while (true) { b = sorted(a, true); }
