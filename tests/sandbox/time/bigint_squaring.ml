// §1.4 squaring a big integer in a loop: each product is one long native operation
// args: --timeout 1 --max-memory 256M
// exit: 75
x = 3;
i = 0;
while (true) { x = x * x + 1; i = i + 1; }
