// §14.3 §14.6 capability declarations narrow the command-line grants
// args: --allow-all
capability Config {
    allow read "config";
}
print(getCapabilities(), hasCapability("file.write"), hasCapability("env.read")); // expect: ["file.read"] false false
print(getCapabilityInfo("file.read")); // expect: {"type": "file.read", "available": true, "granted": null, "declared": ["config"]}
