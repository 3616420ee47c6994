// §15 SEC002: reaching for an import hook through a module member (`math.__import__`, `builtin.__import__`) is rejected statically
// exit: 65
// stderr: SEC002
import math;
print("never");
m = math.__import__("os");
b = getattr(math, "pi") + builtin.__import__("sys").maxsize;
