// §1.5 an option without its value is a usage error
// args: --max-memory
// exit: 64
print("ran");
