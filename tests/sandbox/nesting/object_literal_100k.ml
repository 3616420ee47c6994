// §3 an object literal nested 10^5 deep
// args: --timeout 20
// exit: 0 65
x = @{100000*{a: }@1@{100000*}}@;
print(len(x));
