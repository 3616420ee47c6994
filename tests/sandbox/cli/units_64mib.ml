// §1.5 --max-memory 64MiB is accepted (MB = 10^6 bytes, M and MiB = 2^20)
// args: --max-memory 64MiB --timeout 5
// stdout: ran
print("ran");
