// §1.5 --timeout 1e30 is a usage error, not a panic
// args: --timeout 1e30
// exit: 64
print("ran");
