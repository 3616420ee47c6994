// §14.4 a declared pattern is resolved like a path: `granted/../outside` in a declaration is outside, and the grant still decides
// args: --allow-read=granted
// stdout: CapabilityError
// stdout: CapabilityError
capability Sneaky {
    allow read "granted/../outside";
    allow read "granted/escape";
}
import file;
try { print(file.read("outside/secret.txt")); } except (e) { print(e.type); }
try { print(file.read("granted/escape/secret.txt")); } except (e) { print(e.type); }
