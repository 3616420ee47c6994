// §1.5 --max-memory -1M is a usage error
// args: --max-memory=-1M
// exit: 64
print("ran");
