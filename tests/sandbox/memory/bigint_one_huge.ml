// §1.4 one exact power with a billion bits is refused or stopped by the limit
// args: --max-memory 64M --timeout 10
// exit: 75
import math;
x = math.pow(2, 1000000000);
print(x > 0);
