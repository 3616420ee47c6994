// §14.4 absolute paths outside the read grant are denied, the working directory's own included
// args: --allow-read=granted
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: CapabilityError
import file;
import path;
here = path.cwd();
for (p in [here + "/outside/secret.txt", "/etc/passwd", "/proc/self/environ", here + "/main.ml"]) {
    try { print(file.read(p)); } except (e) { print(e.type); }
}
