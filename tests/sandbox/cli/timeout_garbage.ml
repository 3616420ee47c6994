// §1.5 --timeout 1s2 is a usage error
// args: --timeout 1s2
// exit: 64
print("ran");
