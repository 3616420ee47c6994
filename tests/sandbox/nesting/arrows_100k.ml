// §5.13 arrow functions nested 10^5 deep
// args: --timeout 20
// exit: 0 65
f = @{100000*fn() => }@1;
print("made");
