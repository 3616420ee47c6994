// §14.2 §14.6 -A grants every capability
// args: -A
print(getCapabilities()); // expect: ["env.read", "env.write", "file.append", "file.delete", "file.read", "file.write", "network.http", "network.https"]
print(hasCapability("network.http"), hasCapability("console.write"), hasCapability("process.run")); // expect: true false false
