print(total
x = 1;
