// §1.4 int() of a 30,000,000-digit text: interrupted by --timeout or done in time, never a hang
// args: --timeout 1 --max-memory 256M
// exit: 0 75
s = "9" * 30000000;
x = int(s);
print(x % 10);
