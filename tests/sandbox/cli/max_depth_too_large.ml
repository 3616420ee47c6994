// §1.5 a --max-depth above the documented maximum is a usage error, not a crash later
// args: --max-depth 1000000000
// exit: 64
print("ran");
