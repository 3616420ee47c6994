// §14.4 copy with the destination outside the write grant: denied before any effect
// args: --allow-read=granted --allow-write=granted
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: CapabilityError
// must-not-exist: outside/pwned.txt
// must-not-exist: outside/pwned2.txt
// must-not-exist: home/pwned.txt
import file;
try { file.copy("granted/data.txt", "outside/pwned.txt"); } except (e) { print(e.type); }
try { file.copy("granted/data.txt", "granted/escape/pwned2.txt"); } except (e) { print(e.type); }
try { file.copy("granted/data.txt", "~/pwned.txt"); } except (e) { print(e.type); }
