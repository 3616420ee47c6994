// §14.2 repeated options combine; a grant for every resource absorbs the lists
// args: --allow-env=HOME --allow-env --allow-env=PATH --allow-write=out --allow-write=logs/app.log
print(getCapabilities()); // expect: ["env.read", "env.write", "file.append", "file.delete", "file.write"]
print(getCapabilityInfo("env.read").granted, getCapabilityInfo("env.write").granted); // expect: null null
// --allow-write grants file.write, file.append and file.delete for the same entries.
print(getCapabilityInfo("file.write").granted); // expect: ["out", "logs/app.log"]
print(getCapabilityInfo("file.append").granted); // expect: ["out", "logs/app.log"]
print(getCapabilityInfo("file.delete").granted); // expect: ["out", "logs/app.log"]
print(hasCapability("file.read")); // expect: false
