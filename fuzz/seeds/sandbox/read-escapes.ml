// args: --allow-read=granted
import file;
import path;
for (p in ["granted/data.txt", "granted/../outside/secret.txt", "granted/escape/secret.txt", "granted/escape_file", "~/secret.txt", "/etc/passwd"]) {
    try { print(file.read(p)); } except (e) { print(e.type, e.message); }
}
try { print(path.listDir("granted"), path.walk("granted"), path.glob("granted/**")); } except (e) { print(e.type); }
