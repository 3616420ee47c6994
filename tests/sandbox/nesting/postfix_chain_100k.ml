// §5.9 10^5 postfix indexes and calls in a row
// args: --timeout 20
// exit: 0 1 65
a = [0];
x = a@{100000*[0]}@;
print(x);
