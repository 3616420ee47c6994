// §14.2 §14.6 --allow-env=VARS grants env.read and env.write for the listed variables
// args: --allow-env=HOME,PATH
print(getCapabilities()); // expect: ["env.read", "env.write"]
print(getCapabilityInfo("env.write")); // expect: {"type": "env.write", "available": true, "granted": ["HOME", "PATH"], "declared": null}
