import file;
print(hasCapability("file.read"), getCapabilities());
try {
    file.read("/etc/hostname");
} except (e) {
    print(e.type, e.line);
}
print(requiredCapabilities(file.copy), requiredCapabilities(print));
print("done");
// §16.14 A denied capability (run without options; the program is verbatim)
// expect: false []
// expect: CapabilityError 4
// expect: ["file.read", "file.write"] []
// expect: done
