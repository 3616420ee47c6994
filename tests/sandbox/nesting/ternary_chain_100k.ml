// §5.8 a right-nested chain of 10^5 conditional expressions
// args: --timeout 20
// exit: 0 65
x = @{100000*false ? 0 : }@1;
print(x);
