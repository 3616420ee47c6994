// §1.4 math.factorial(10000000) is one long native call: --timeout interrupts it
// args: --timeout 1 --max-memory 256M
// exit: 75
// stdout: start
import math;
print("start");
x = math.factorial(10000000);
print("never");
