function add(a, b) { return a + b; }
x = 5;
x = abs(x - 10);
y = add(x, 1);
x = add(x, add(y, 2));
print(x, y);
