// §14.2, §14.6 -A grants every capability for every resource
// args: -A
names = ["file.read", "file.write", "file.append", "file.delete", "network.http", "network.https", "env.read", "env.write"];
for (n in names) {
    print(n, hasCapability(n));
}
// expect: file.read true
// expect: file.write true
// expect: file.append true
// expect: file.delete true
// expect: network.http true
// expect: network.https true
// expect: env.read true
// expect: env.write true
print(getCapabilities()); // expect: ["env.read", "env.write", "file.append", "file.delete", "file.read", "file.write", "network.http", "network.https"]
print(getCapabilityInfo("file.read")); // expect: {"type": "file.read", "available": true, "granted": null, "declared": null}
print(getCapabilityInfo("env.write")); // expect: {"type": "env.write", "available": true, "granted": null, "declared": null}
// Names that are not capabilities of §14.1 are never available.
print(hasCapability("console.write"), hasCapability("process.run"), hasCapability("FILE.READ"), hasCapability("")); // expect: false false false false
print(getCapabilityInfo("math.compute"), getCapabilityInfo("file")); // expect: null null
