// args: --allow-read=granted --allow-write=granted
import file;
import path;
targets = ["granted/new.txt", "granted/escape/pwned.txt", "granted/dangling", "granted/../outside/pwned.txt", "granted/escape_file", "~/pwned.txt"];
for (p in targets) {
    try { file.write(p, "x"); file.append(p, "y"); } except (e) { print(e.type); }
}
try { file.copy("granted/data.txt", "granted/escape/copied.txt"); } except (e) { print(e.type); }
try { file.move("granted/data.txt", "outside/moved.txt"); } except (e) { print(e.type); }
