// §14.1 deleting outside the write grant, directly, through `..` or through a directory link: denied
// args: --allow-read=granted --allow-write=granted
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: CapabilityError
// must-exist: outside/keep.txt
// must-exist: outside/secret.txt
import file;
import path;
for (p in ["outside/keep.txt", "granted/../outside/keep.txt", "granted/escape/keep.txt", path.cwd() + "/outside/secret.txt"]) {
    try { print(file.delete(p)); } except (e) { print(e.type); }
}
