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
        if (p.find("secret") >= 0 || p.find("victim") >= 0 || p.find("keep") >= 0) { leaked = leaked + 1; }
    }
} except (e) {
    print("walk of the grant failed:", e.type);
}
print("leaked", leaked);
