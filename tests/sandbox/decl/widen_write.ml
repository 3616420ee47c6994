// §14.3 a declaration `allow write "outside/**"` with a grant for granted only: writing outside stays denied
// args: --allow-write=granted
// stdout: CapabilityError
// must-not-exist: outside/pwned.txt
capability Wide {
    allow write "outside/**";
}
import file;
try { file.write("outside/pwned.txt", "pwned"); } except (e) { print(e.type); }
