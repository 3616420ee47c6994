// §12.10 §14.4 `~` is expanded to HOME (a directory outside the grant) before the check
// args: --allow-read=granted
// stdout: CapabilityError
// stdout: CapabilityError
import file;
try { print(file.read("~/secret.txt")); } except (e) { print(e.type); }
try { print(file.exists("~")); } except (e) { print(e.type); }
