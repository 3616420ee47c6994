// §1.5 --timeout -1 is a usage error
// args: --timeout=-1
// exit: 64
print("ran");
