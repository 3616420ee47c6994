// §14.4 a declared URL declares only its scheme's capability
// args: --allow-net
capability Api {
    allow network "https://api.example.com:8443/items";
}
print(hasCapability("network.https"), hasCapability("network.http")); // expect: true false
print(getCapabilities()); // expect: ["network.https"]
print(getCapabilityInfo("network.http")); // expect: null
print(getCapabilityInfo("network.https").declared); // expect: ["https://api.example.com:8443/items"]
