// §1.5 --max-memory with an unknown unit is a usage error
// args: --max-memory 64XB
// exit: 64
print("ran");
