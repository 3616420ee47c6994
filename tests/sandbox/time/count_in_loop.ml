// §1.4 array.count and index over millions of items in a loop: interrupted between calls
// args: --timeout 1 --max-memory 256M
// exit: 75
a = range(5000000);
while (true) { a.count(-1); }
