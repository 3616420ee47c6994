// §14.3 a declared capability needs a grant too; a grant needs a declaration too
// args: --allow-read=data --allow-env=HOME
capability DataAccess {
    resource "data/*.json";
    allow read;
    allow write "out/report.txt";
}
print(hasCapability("file.read"), hasCapability("file.write"), hasCapability("env.read")); // expect: true false false
print(getCapabilities()); // expect: ["file.read"]
print(getCapabilityInfo("file.read")); // expect: {"type": "file.read", "available": true, "granted": ["data"], "declared": ["data/*.json"]}
print(getCapabilityInfo("file.write"), getCapabilityInfo("env.read")); // expect: null null
