// §1.4 `[0] * 1000000000` (8 GB) is refused before it is allocated
// args: --max-memory 64M --timeout 10
// exit: 75
a = [0] * 1000000000;
print(len(a));
