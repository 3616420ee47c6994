// §3 an array literal nested 10^5 deep
// args: --timeout 20
// exit: 0 65
x = @{100000*[}@@{100000*]}@;
print(len(x));
