// §12.11 removing the granted tree itself is allowed, but the links inside it are removed as links, not followed
// args: --allow-read=granted --allow-write=granted
// stdout: removed
// must-not-exist: granted
// must-exist: outside/victim/a.txt
// must-exist: outside/victim/b/c.txt
// must-exist: outside/secret.txt
import path;
path.removeDirRecursive("granted");
print("removed");
