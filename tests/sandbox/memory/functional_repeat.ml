// §1.4 functional.repeat with a count of a billion
// args: --max-memory 64M --timeout 10
// exit: 75
import functional;
a = functional.repeat(0, 1000000000);
print(len(a));
