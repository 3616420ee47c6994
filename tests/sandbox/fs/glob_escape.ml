// §12.11 glob: patterns rooted outside the grant are denied, and `**` does not follow links out of it
// args: --allow-read=granted
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: leaked 0
import path;
for (g in ["outside/*", "granted/../outside/*", "/etc/*", "**/*.txt"]) {
    try { print(path.glob(g)); } except (e) { print(e.type); }
}
leaked = 0;
try {
    for (p in path.glob("granted/**")) {
        if (p.find("secret.txt") >= 0 || p.find("keep.txt") >= 0 || p.find("/a.txt") >= 0 || p.find("c.txt") >= 0 || p.find("emptydir") >= 0) { leaked = leaked + 1; }
    }
} except (e) {
    print("glob of the grant failed:", e.type);
}
print("leaked", leaked);
