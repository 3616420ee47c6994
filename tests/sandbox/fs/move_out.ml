// §12.10 move needs file.write on the destination: moving a granted file out of the grant is denied
// args: --allow-read=granted --allow-write=granted
// stdout: CapabilityError
// stdout: CapabilityError
// must-exist: granted/data.txt
// must-not-exist: outside/data.txt
// must-not-exist: outside/moved.txt
import file;
try { file.move("granted/data.txt", "outside/data.txt"); } except (e) { print(e.type); }
try { file.move("granted/data.txt", "granted/escape/moved.txt"); } except (e) { print(e.type); }
