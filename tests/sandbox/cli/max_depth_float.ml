// §1.5 --max-depth 1e6 is a usage error (an integer is expected)
// args: --max-depth 1e6
// exit: 64
print("ran");
