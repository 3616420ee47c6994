// §14.6 introspection tells the truth: exactly what --allow-read=granted permits, and what each function needs
// args: --allow-read=granted
// stdout: true false false false
// stdout: ["file.read"]
// stdout: ["granted"]
// stdout: null
// stdout: ["file.read", "file.write"] [] []
import file;
print(hasCapability("file.read"), hasCapability("file.write"), hasCapability("network.http"), hasCapability("console.write"));
print(getCapabilities());
print(getCapabilityInfo("file.read").granted);
print(getCapabilityInfo("env.read"));
print(requiredCapabilities(file.copy), requiredCapabilities(print), requiredCapabilities(fn(x) => file.read(x)));
