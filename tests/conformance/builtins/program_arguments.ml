// §1.5 every argument after `--` is a program argument, even one that looks like an option
// args: -- --allow-all extra
print(getCapabilities(), hasCapability("file.read")); // expect: [] false
