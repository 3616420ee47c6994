// §14.3 a declaration without allow items permits nothing, even under -A
// args: -A
capability Nothing {
    resource "data/**";
}
print(getCapabilities(), hasCapability("file.read")); // expect: [] false
print(getCapabilityInfo("file.read")); // expect: null
