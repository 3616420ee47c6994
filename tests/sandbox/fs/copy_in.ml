// §14.4 copy with the source outside the read grant into the grant: denied, nothing copied
// args: --allow-read=granted --allow-write=granted
// stdout: CapabilityError
// stdout: CapabilityError
// must-not-exist: granted/stolen.txt
// must-not-exist: granted/stolen2.txt
import file;
try { file.copy("outside/secret.txt", "granted/stolen.txt"); } except (e) { print(e.type); }
try { file.copy("granted/escape_file", "granted/stolen2.txt"); } except (e) { print(e.type); }
