capability Config { // §14.3 declarations narrow -A (the capabilities part of §16.15)
    allow read "config";
}
// args: --allow-all
print(hasCapability("file.read"), hasCapability("env.read"), hasCapability("network.https")); // expect: true false false
print(getCapabilities()); // expect: ["file.read"]
print(getCapabilityInfo("file.read")); // expect: {"type": "file.read", "available": true, "granted": null, "declared": ["config"]}
print(getCapabilityInfo("env.read")); // expect: null
