// §14.2, §14.4 --allow-net grants network.http and network.https for host and host:port entries
// args: --allow-net=api.example.com,localhost:8080 --allow-net=[::1]:9000
print(hasCapability("network.http"), hasCapability("network.https"), hasCapability("file.read")); // expect: true true false
print(getCapabilityInfo("network.http").granted); // expect: ["api.example.com", "localhost:8080", "[::1]:9000"]
print(getCapabilityInfo("network.https")); // expect: {"type": "network.https", "available": true, "granted": ["api.example.com", "localhost:8080", "[::1]:9000"], "declared": null}
