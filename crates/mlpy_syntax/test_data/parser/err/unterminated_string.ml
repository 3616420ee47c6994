x = 1;
y = "never closed;
z = 2;
