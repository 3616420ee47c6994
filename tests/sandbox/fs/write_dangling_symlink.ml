// §14.4 a dangling link inside the grant (granted/dangling -> ../outside/created.txt) must not create its target
// args: --allow-write=granted
// stdout: CapabilityError
// stdout: CapabilityError
// must-not-exist: outside/created.txt
import file;
try { file.write("granted/dangling", "created"); } except (e) { print(e.type); }
try { file.append("granted/dangling", "created"); } except (e) { print(e.type); }
