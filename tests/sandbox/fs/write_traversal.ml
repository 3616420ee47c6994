// §14.4 writing through `..` out of the write grant: denied, nothing created
// args: --allow-write=granted
// stdout: CapabilityError
// stdout: CapabilityError
// must-not-exist: outside/pwned.txt
// must-not-exist: pwned.txt
import file;
try { file.write("granted/../outside/pwned.txt", "pwned"); } except (e) { print(e.type); }
try { file.write("granted/sub/../../pwned.txt", "pwned"); } except (e) { print(e.type); }
