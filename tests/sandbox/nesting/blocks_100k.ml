// §3 if statements nested 10^5 deep
// args: --timeout 20
// exit: 0 65
@{100000*if (true) { }@print("deep");@{100000*}}@
