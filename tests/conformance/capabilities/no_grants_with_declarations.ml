// §14.2, §14.3 without --allow-* options declarations grant nothing (a warning is written to stderr; the program runs)
capability Wanted {
    allow read "data";
    allow network "api.example.com";
}
print(getCapabilities(), hasCapability("file.read"), getCapabilityInfo("network.https")); // expect: [] false null
print("ran"); // expect: ran
