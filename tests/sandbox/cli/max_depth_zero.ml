// §1.5 --max-depth 0 is a usage error
// args: --max-depth 0
// exit: 64
print("ran");
