// §1.5 a --max-depth that overflows is a usage error
// args: --max-depth 99999999999999999999999999
// exit: 64
print("ran");
