// §1.5 --timeout inf is a usage error
// args: --timeout inf
// exit: 64
print("ran");
