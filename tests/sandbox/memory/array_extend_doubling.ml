// §1.4 doubling an array in place (extend with itself) until the limit
// args: --max-memory 64M --timeout 10
// exit: 75
a = [1, 2, 3];
while (true) { a.extend(a); }
