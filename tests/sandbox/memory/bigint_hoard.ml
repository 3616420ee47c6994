// §1.4 hoarding big integers (100,000 digits each) counts toward the limit
// args: --max-memory 64M --timeout 10
// exit: 75
import math;
b = math.pow(10, 100000);
xs = [];
while (true) { xs.append(b + len(xs)); }
