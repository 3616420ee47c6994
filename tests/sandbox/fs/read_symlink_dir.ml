// §14.4 a directory link inside the grant (granted/escape -> ../outside) does not lead out of it
// args: --allow-read=granted
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: CapabilityError
import file;
try { print(file.read("granted/escape/secret.txt")); } except (e) { print(e.type); }
try { print(file.readLines("granted/escape/secret.txt")); } except (e) { print(e.type); }
try { print(file.readBytes("granted/abs_escape/secret.txt")); } except (e) { print(e.type); }
