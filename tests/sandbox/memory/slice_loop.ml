// §1.4 full slices of a 2.4 MB array kept in a loop (a[:] is a copy; checked before it is made)
// args: --max-memory 64M --timeout 10
// exit: 75
a = range(300000);
r = [];
while (true) { r.append(a[:]); r.append(a[::-1]); }
