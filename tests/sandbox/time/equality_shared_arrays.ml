// §1.4 == of two arrays that share their items at 80 levels takes 2^80 steps: the deadline is checked as containers are compared (it hung)
// args: --timeout 1
// exit: 75
a = [1]; b = [1];
for (i in range(80)) { a = [a, a]; b = [b, b]; }
while (true) { x = a == b; }
