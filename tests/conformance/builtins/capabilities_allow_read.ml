// §14.2 §14.6 --allow-read grants file.read for every path
// args: --allow-read
print(hasCapability("file.read"), hasCapability("file.write"), getCapabilities()); // expect: true false ["file.read"]
print(getCapabilityInfo("file.read")); // expect: {"type": "file.read", "available": true, "granted": null, "declared": null}
print(getCapabilityInfo("file.write")); // expect: null
