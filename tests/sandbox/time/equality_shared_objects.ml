// §1.4 == of two objects that share their values at 80 levels: the deadline is checked as containers are compared (it hung)
// args: --timeout 1
// exit: 75
a = {k: 1}; b = {k: 1};
for (i in range(80)) { a = {x: a, y: a}; b = {x: b, y: b}; }
while (true) { x = a != b; }
