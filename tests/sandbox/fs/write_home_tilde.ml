// §12.10 `~/x` is HOME/x, outside the write grant: denied
// args: --allow-write=granted
// stdout: CapabilityError
// must-not-exist: home/pwned.txt
import file;
try { file.write("~/pwned.txt", "pwned"); } except (e) { print(e.type); }
