// §5.12 §11.1 every builtin rejects argument counts outside its parameter list with TypeError
cases = [[int, []], [int, [1, 2]], [float, []], [str, []], [bool, [1, 2]], [typeof, []],
    [isinstance, [1]], [callable, [1, 2]], [len, []], [len, [[], []]], [range, []], [range, [1, 2, 3, 4]],
    [enumerate, []], [enumerate, [[], 0, 0]], [sorted, []], [sorted, [[], true, 1]], [reversed, []],
    [keys, []], [values, [{}, {}]], [all, []], [any, [[], []]], [sum, []], [sum, [[], 0, 0]], [iter, []],
    [next, []], [next, [iter([]), 1, 2]], [abs, [1, 2]], [round, []], [round, [1, 2, 3]], [chr, []],
    [ord, []], [hex, []], [bin, [1, 2]], [oct, []], [format, []], [format, [1, "", 2]], [repr, []],
    [input, ["a", "b"]], [hasattr, [{}]], [getattr, [{}]], [call, []], [help, []], [methods, []],
    [modules, [1]], [available_modules, ["ml", 1]], [has_module, []], [module_info, []],
    [hasCapability, []], [getCapabilities, [1]], [getCapabilityInfo, []], [requiredCapabilities, []]];
results = [];
for (c in cases) {
    [f, args] = c;
    try {
        if (len(args) == 0) {
            f();
        } elif (len(args) == 1) {
            f(args[0]);
        } elif (len(args) == 2) {
            f(args[0], args[1]);
        } elif (len(args) == 3) {
            f(args[0], args[1], args[2]);
        } else {
            f(args[0], args[1], args[2], args[3]);
        }
        results.append("ok " + str(f));
    } except (e) {
        if (e.type != "TypeError") {
            results.append(e.type + " " + str(f));
        }
    }
}
print(results, len(cases)); // expect: [] 51
print(zip(), print()); // expect:
// expect: [] null
try {
    len("a", "b");
} except (e) {
    print(e.message.find("len") >= 0);
}
// expect: true
keys();
// expect-error: TypeError@42
