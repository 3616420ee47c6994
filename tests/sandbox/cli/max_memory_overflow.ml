// §1.5 a --max-memory that overflows 64 bits is a usage error
// args: --max-memory 99999999999999999999G
// exit: 64
print("ran");
