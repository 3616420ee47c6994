// §12.3 math.gcd and math.lcm of ints of millions of digits are quadratic and stop at the deadline (gcd hung)
// args: --timeout 1
// exit: 75
import math;
a = math.pow(3, 3000000); b = math.pow(7, 2000000);
while (true) { x = math.gcd(a, b); y = math.lcm(a, b); }
