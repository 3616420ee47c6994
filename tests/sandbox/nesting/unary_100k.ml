// §5 10^5 unary operators in a row
// args: --timeout 20
// exit: 0 65
x = @{100000*- }@1;
y = @{100000*!}@true;
print(x, y);
