// §12.10, §14.5 file: every function needs its capability; without a grant each raises CapabilityError and changes nothing
import file;
import path;
d = path.join(path.tempDir(), "mlpy-conf-file-denied");
f = path.join(d, "x.txt");
calls = [
    ["read", fn() => file.read(f)],
    ["readLines", fn() => file.readLines(f)],
    ["readBytes", fn() => file.readBytes(f)],
    ["write", fn() => file.write(f, "x")],
    ["writeLines", fn() => file.writeLines(f, ["x"])],
    ["writeBytes", fn() => file.writeBytes(f, [1])],
    ["append", fn() => file.append(f, "x")],
    ["delete", fn() => file.delete(f)],
    ["copy", fn() => file.copy("denied.ml", f)],
    ["move", fn() => file.move(f, path.join(d, "y.txt"))],
    ["exists", fn() => file.exists("denied.ml")],
    ["isFile", fn() => file.isFile("denied.ml")],
    ["isDirectory", fn() => file.isDirectory(".")],
    ["size", fn() => file.size("denied.ml")],
    ["modifiedTime", fn() => file.modifiedTime("denied.ml")]
];
for (c in calls) {
    try {
        g = c[1];
        g();
        print(c[0], "allowed");
    } except (e) {
        print(c[0], e.type, e.message.find("file.") >= 0);
    }
}
// expect: read CapabilityError true
// expect: readLines CapabilityError true
// expect: readBytes CapabilityError true
// expect: write CapabilityError true
// expect: writeLines CapabilityError true
// expect: writeBytes CapabilityError true
// expect: append CapabilityError true
// expect: delete CapabilityError true
// expect: copy CapabilityError true
// expect: move CapabilityError true
// expect: exists CapabilityError true
// expect: isFile CapabilityError true
// expect: isDirectory CapabilityError true
// expect: size CapabilityError true
// expect: modifiedTime CapabilityError true
try { file.read("denied.ml"); } except (e) { print(e.message.find("file.read") >= 0, e.message.find("--allow-read") >= 0); } // expect: true true
try { file.write(f, "x"); } except (e) { print(e.message.find("file.write") >= 0, e.message.find("--allow-write") >= 0); } // expect: true true
// Argument errors come before the capability check.
try { file.read(1); } except (e) { print(e.type); } // expect: TypeError
try { file.read("denied.ml", "ebcdic"); } except (e) { print(e.type); } // expect: ValueError
print(requiredCapabilities(file.read), requiredCapabilities(file.append)); // expect: ["file.read"] ["file.append"]
print(requiredCapabilities(file.copy)); // expect: ["file.read", "file.write"]
print(requiredCapabilities(file.move)); // expect: ["file.delete", "file.read", "file.write"]
print(requiredCapabilities(file.delete), requiredCapabilities(file.writeBytes)); // expect: ["file.delete"] ["file.write"]
// Reached through a variable or call, the check is the same.
r = file.read;
try { call(r, "denied.ml"); } except (e) { print(e.type); } // expect: CapabilityError
file.read("denied.ml");
// expect-error: CapabilityError@59
