// §14.2 a write grant does not grant reading
// args: --allow-write=granted
// stdout: CapabilityError
// stdout: CapabilityError
import file;
import path;
try { print(file.read("granted/data.txt")); } except (e) { print(e.type); }
try { print(path.listDir("granted")); } except (e) { print(e.type); }
