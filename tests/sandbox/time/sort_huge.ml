// §1.4 sorting millions of strings, again and again: each sort is one native call
// args: --timeout 1 --max-memory 256M
// exit: 75
a = str(range(2000000)).split(", ");
while (true) { a.sort(); a.reverse(); }
