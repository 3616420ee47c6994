// §1.4 doubling a string until the limit
// args: --max-memory 64M --timeout 10
// exit: 75
s = "ab";
while (true) { s = s + s; }
