// §1.4 str(math.pow(3, 100000000)): exact power, then conversion of 47 million digits
// args: --timeout 1 --max-memory 256M
// exit: 75
import math;
s = str(math.pow(3, 100000000));
print(len(s));
