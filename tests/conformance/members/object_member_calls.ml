// §5.11 a method call on an object calls the function stored under that key, without a receiver
counter = {n: 0};
counter.inc = fn() => counter.n + 1;
print(counter.inc()); // expect: 1
tools = {double: fn(x) => x * 2, name: "tools", print: print};
print(tools.double(21), tools.name); // expect: 42 tools
tools.print("via object"); // expect: via object
try {
    tools.missing();
} except (e) {
    print(e.type);
}
// expect: AttributeError
try {
    tools.name();
} except (e) {
    print(e.type);
}
// expect: TypeError
try {
    {a: 1}.keys();
} except (e) {
    print(e.type);
}
// expect: AttributeError
withkeys = {keys: fn() => "own keys"};
print(withkeys.keys(), keys(withkeys)); // expect: own keys ["keys"]
