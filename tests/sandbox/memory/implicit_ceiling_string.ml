// §1.4 without --max-memory a terabyte string is refused by the implicit ceiling: the limit's status, not an abort
// args: --timeout 10
// exit: 75
// max-rss: 256M
s = "a" * 1000000000000;
print(len(s));
