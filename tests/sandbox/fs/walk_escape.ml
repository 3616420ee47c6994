// §12.11 walk: a tree outside the grant is denied, and walking the grant does not descend through links out of it
// args: --allow-read=granted
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: leaked 0
import path;
for (d in ["outside", "granted/escape", ".."]) {
    try { print(path.walk(d)); } except (e) { print(e.type); }
}
leaked = 0;
try {
    for (p in path.walk("granted")) {
        if (p.find("secret.txt") >= 0 || p.find("keep.txt") >= 0 || p.find("/a.txt") >= 0 || p.find("c.txt") >= 0 || p.find("emptydir") >= 0) { leaked = leaked + 1; }
    }
} except (e) {
    print("walk of the grant failed:", e.type);
}
print("leaked", leaked);
