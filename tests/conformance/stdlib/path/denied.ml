// §12.11, §14.5 path: the functions that touch the file system need their capability; the others need none
import path;
d = path.join(path.tempDir(), "mlpy-conf-path-denied");
calls = [
    ["exists", fn() => path.exists(".")],
    ["isFile", fn() => path.isFile("denied.ml")],
    ["isDirectory", fn() => path.isDirectory(".")],
    ["listDir", fn() => path.listDir()],
    ["listDir", fn() => path.listDir("/")],
    ["glob", fn() => path.glob("*.ml")],
    ["glob", fn() => path.glob("/*/x")],
    ["glob", fn() => path.glob("denied.ml")],
    ["walk", fn() => path.walk(".")],
    ["createDir", fn() => path.createDir(d)],
    ["removeDir", fn() => path.removeDir(d)],
    ["removeDirRecursive", fn() => path.removeDirRecursive(d)]
];
for (c in calls) {
    try {
        g = c[1];
        g();
        print(c[0], "allowed");
    } except (e) {
        print(c[0], e.type);
    }
}
// expect: exists CapabilityError
// expect: isFile CapabilityError
// expect: isDirectory CapabilityError
// expect: listDir CapabilityError
// expect: listDir CapabilityError
// expect: glob CapabilityError
// expect: glob CapabilityError
// expect: glob CapabilityError
// expect: walk CapabilityError
// expect: createDir CapabilityError
// expect: removeDir CapabilityError
// expect: removeDirRecursive CapabilityError
try { path.createDir(d); } except (e) { print(e.message.find("file.write") >= 0); } // expect: true
try { path.removeDir(d); } except (e) { print(e.message.find("file.delete") >= 0); } // expect: true
try { path.glob("*"); } except (e) { print(e.message.find("file.read") >= 0); } // expect: true
print(requiredCapabilities(path.glob), requiredCapabilities(path.createDir), requiredCapabilities(path.removeDirRecursive)); // expect: ["file.read"] ["file.write"] ["file.delete"]
print(path.normalize("a/../b"), path.join("x", "y"), path.isAbsolute(path.cwd())); // expect: b x/y true
path.walk("fixture");
// expect-error: CapabilityError@44
