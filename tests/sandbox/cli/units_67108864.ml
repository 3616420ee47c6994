// §1.5 --max-memory 67108864 is accepted (MB = 10^6 bytes, M and MiB = 2^20)
// args: --max-memory 67108864 --timeout 5
// stdout: ran
print("ran");
