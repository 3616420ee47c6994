// §1.4 control: a plain ML busy loop is ended by --timeout at a safepoint
// args: --timeout 1
// exit: 75
while (true) { }
