// §14.5 a module function reached through getattr is still checked
// args: --allow-read=granted
// stdout: CapabilityError
import file;
reader = getattr(file, "read");
try { print(reader("outside/secret.txt")); } except (e) { print(e.type); }
