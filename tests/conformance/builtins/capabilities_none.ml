// §11.10 §14.6 without --allow options a program has no capabilities
print(hasCapability("file.read"), hasCapability("network.https"), hasCapability("console.write"), hasCapability("math.compute")); // expect: false false false false
print(getCapabilities(), getCapabilityInfo("file.read"), getCapabilityInfo("bogus")); // expect: [] null null
print(requiredCapabilities(print), requiredCapabilities(fn() => 1), requiredCapabilities("s".upper)); // expect: [] [] []
try {
    requiredCapabilities(5);
} except (e) {
    print(e.type);
}
// expect: TypeError
