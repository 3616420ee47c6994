// §3 §6.4 function definitions nested 10^5 deep
// args: --timeout 20
// exit: 0 65
@{100000*function f() { }@return 1;@{100000*}}@
print("defined");
