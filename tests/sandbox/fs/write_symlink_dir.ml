// §14.4 writing through a directory link inside the grant lands outside it: denied
// args: --allow-write=granted
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: CapabilityError
// must-not-exist: outside/pwned.txt
// must-not-exist: outside/pwned-abs.txt
// must-not-exist: outside/deep
import file;
try { file.write("granted/escape/pwned.txt", "pwned"); } except (e) { print(e.type); }
try { file.write("granted/abs_escape/pwned-abs.txt", "pwned"); } except (e) { print(e.type); }
try { file.write("granted/escape/deep/er/pwned.txt", "pwned"); } except (e) { print(e.type); }
