// §14.3 the manifest is formed by the declarations of every file of the program, main file first
// args: -A
capability Main {
    allow read "main-data";
}
import helper;
print(getCapabilities()); // expect: ["file.read", "network.http", "network.https"]
print(getCapabilityInfo("file.read").declared); // expect: ["main-data", "helper-data/*.csv"]
print(getCapabilityInfo("network.http").declared); // expect: ["localhost:8080"]
print(helper.ready()); // expect: true
