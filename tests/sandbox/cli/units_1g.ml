// §1.5 --max-memory 1G is accepted (MB = 10^6 bytes, M and MiB = 2^20)
// args: --max-memory 1G --timeout 5
// stdout: ran
print("ran");
