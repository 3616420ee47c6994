// §14.3 allow items: their own target, else the declaration's resource patterns, else every resource; URL targets declare one scheme
// args: -A
capability DataAccess {
    resource "data/*.json";
    resource "extra/**";
    allow read;
    allow write "out/report.txt";
    allow network "https://api.example.com/v1";
    allow system "APP_*";
}
capability More {
    allow network "*.cdn.example.org";
    allow read "notes/a.txt";
    allow network;
}
print(getCapabilities()); // expect: ["env.read", "env.write", "file.append", "file.delete", "file.read", "file.write", "network.http", "network.https"]
print(getCapabilityInfo("file.read").declared); // expect: ["data/*.json", "extra/**", "notes/a.txt"]
print(getCapabilityInfo("file.delete").declared); // expect: ["out/report.txt"]
print(getCapabilityInfo("network.https").declared); // expect: ["https://api.example.com/v1", "*.cdn.example.org", "*"]
print(getCapabilityInfo("network.http").declared); // expect: ["*.cdn.example.org", "*"]
print(getCapabilityInfo("env.write")); // expect: {"type": "env.write", "available": true, "granted": null, "declared": ["APP_*"]}
