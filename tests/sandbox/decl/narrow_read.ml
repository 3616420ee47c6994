// §14.3 with an unrestricted read grant, a declaration for granted/sub permits only granted/sub
// args: --allow-read
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: inner
capability Sub {
    allow read "granted/sub";
}
import file;
try { print(file.read("granted/data.txt")); } except (e) { print(e.type); }
try { print(file.read("/etc/hostname")); } except (e) { print(e.type); }
print(file.read("granted/sub/inner.txt").strip());
