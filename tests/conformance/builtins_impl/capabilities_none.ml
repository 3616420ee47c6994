// §14.6 capability introspection in a run without --allow-* options
print(hasCapability("file.read"), hasCapability("env.write"), hasCapability("console.write"), hasCapability("")); // expect: false false false false
print(getCapabilities(), getCapabilityInfo("file.read"), getCapabilityInfo("math.compute")); // expect: [] null null
function f(x) {
    return x;
}
print(requiredCapabilities(print), requiredCapabilities(f), requiredCapabilities(fn() => 1), requiredCapabilities("s".upper)); // expect: [] [] [] []
print(requiredCapabilities(builtin.requiredCapabilities)); // expect: []
function kind(g) {
    try {
        g();
        return "ok";
    } except (e) {
        return e.type;
    }
}
print(kind(fn() => requiredCapabilities(5)), kind(fn() => requiredCapabilities(null)), kind(fn() => requiredCapabilities())); // expect: TypeError TypeError TypeError
print(kind(fn() => hasCapability(1)), kind(fn() => hasCapability()), kind(fn() => getCapabilities(1)), kind(fn() => getCapabilityInfo(null))); // expect: TypeError TypeError TypeError TypeError
