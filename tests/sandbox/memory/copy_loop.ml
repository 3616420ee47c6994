// §1.4 copies of a 2.4 MB array kept in a loop: every copy is checked, not only every 1,024th back-edge (each safepoint let 2.4 GB through)
// args: --max-memory 64M --timeout 10
// exit: 75
a = range(300000);
r = [];
while (true) { r.append(a.copy()); }
