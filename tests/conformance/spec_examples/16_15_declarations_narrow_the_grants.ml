capability Config {
    allow read "config";
}
import file;
import env;
print(hasCapability("file.read"), hasCapability("env.read"), hasCapability("network.https"));
try {
    file.read("/etc/hostname");
} except (e) {
    print(e.type);
}
try {
    env.get("HOME");
} except (e) {
    print(e.type);
}
// §16.15 Declarations narrow the grants (the program is verbatim)
// args: --allow-all
// expect: true false false
// expect: CapabilityError
// expect: CapabilityError
