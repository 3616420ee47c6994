// §1.4 without --max-memory range(10^12) is refused by the implicit ceiling
// args: --timeout 10
// exit: 75
// max-rss: 256M
a = range(1000000000000);
print(len(a));
