// §5 a left-associative chain of 10^5 additions (a deep left spine for every pass after the parser)
// args: --timeout 20
// exit: 0 65
x = 1@{100000* + 1}@;
print(x);
