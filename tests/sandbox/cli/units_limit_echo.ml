// §1.5 a memory limit given as 50MB is 50,000,000 bytes, and the limit message echoes `50MB`
// args: --max-memory 50MB --timeout 10
// exit: 75
// stderr: 50MB
s = "a" * 60000000;
print(len(s));
