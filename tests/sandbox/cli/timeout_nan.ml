// §1.5 --timeout nan is a usage error
// args: --timeout nan
// exit: 64
print("ran");
