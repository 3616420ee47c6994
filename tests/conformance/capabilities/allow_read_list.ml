// §14.2, §14.6 --allow-read with entries: file.read only, entries as written in command-line order
// args: --allow-read=data,config/app.toml --allow-read=/tmp,~/notes,../elsewhere
print(hasCapability("file.read"), hasCapability("file.write"), hasCapability("file.delete"), hasCapability("env.read")); // expect: true false false false
print(getCapabilities()); // expect: ["file.read"]
info = getCapabilityInfo("file.read");
print(info); // expect: {"type": "file.read", "available": true, "granted": ["data", "config/app.toml", "/tmp", "~/notes", "../elsewhere"], "declared": null}
print(keys(info)); // expect: ["type", "available", "granted", "declared"]
print(getCapabilityInfo("file.write")); // expect: null
