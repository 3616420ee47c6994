// §15 SEC002: reaching for an import hook through a module member is rejected statically
// exit: 65
// stderr: SEC002
import math;
print("never");
m = math.__import__("os");
