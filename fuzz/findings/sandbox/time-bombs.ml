import math;
import collections;
u = collections.unique(range(200000));
x = math.factorial(100000);
y = str(math.pow(3, 1000000));
