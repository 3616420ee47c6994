// §14.3 a declaration cannot widen the read grant; the declared but ungranted need is warned about before the run
// args: --allow-read=granted
// stdout: CapabilityError
// stdout: granted data
// stderr: outside
capability Wide {
    allow read "outside";
    allow read "granted";
}
import file;
try { print(file.read("outside/secret.txt")); } except (e) { print(e.type); }
print(file.read("granted/data.txt").strip());
