// §1.4 doubling an array by concatenation until the limit
// args: --max-memory 64M --timeout 10
// exit: 75
a = [1, "x"];
while (true) { a = a + a; }
