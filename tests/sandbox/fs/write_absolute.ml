// §14.4 absolute paths outside the write grant: denied (inside the run directory and in /tmp)
// args: --allow-write=granted
// stdout: CapabilityError
// stdout: CapabilityError
// must-not-exist: outside/pwned.txt
// must-not-exist: /tmp/mlpy-sandbox-pwned-@PORT@.txt
import file;
import path;
try { file.write(path.cwd() + "/outside/pwned.txt", "pwned"); } except (e) { print(e.type); }
try { file.write("/tmp/mlpy-sandbox-pwned-@PORT@.txt", "pwned"); } except (e) { print(e.type); }
