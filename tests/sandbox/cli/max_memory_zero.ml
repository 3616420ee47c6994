// §1.5 --max-memory 0 is a usage error
// args: --max-memory 0
// exit: 64
print("ran");
