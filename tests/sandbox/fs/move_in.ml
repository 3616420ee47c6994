// §12.10 move needs file.read and file.delete on the source: moving an outside file into the grant is denied
// args: --allow-read=granted --allow-write=granted
// stdout: CapabilityError
// stdout: CapabilityError
// must-exist: outside/keep.txt
// must-not-exist: granted/keep.txt
// must-not-exist: granted/victim
import file;
try { file.move("outside/keep.txt", "granted/keep.txt"); } except (e) { print(e.type); }
try { file.move("granted/escape/victim", "granted/victim"); } except (e) { print(e.type); }
