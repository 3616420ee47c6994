// §1.4 display of a large nested value in a loop
// args: --timeout 1 --max-memory 256M
// exit: 75
a = [];
for (i in range(200)) { a = [a, str(i) * 100]; }
b = [a] * 500;
while (true) { s = str(b); }
