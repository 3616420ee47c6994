// §1.4 without --max-memory a 1.6 TB array is refused by the implicit ceiling
// args: --timeout 10
// exit: 75
// max-rss: 256M
a = [0] * 200000000000;
print(len(a));
