café = 1;
x = “quoted”;
y = 1 × 2;
z = "ok ✓";
