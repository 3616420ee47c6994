// §12.11 removing directories outside the grant: denied
// args: --allow-read=granted --allow-write=granted
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: CapabilityError
// must-exist: outside/emptydir
// must-exist: outside/victim/b/c.txt
import path;
try { path.removeDir("outside/emptydir"); } except (e) { print(e.type); }
try { path.removeDirRecursive("outside/victim"); } except (e) { print(e.type); }
try { path.removeDirRecursive("granted/.."); } except (e) { print(e.type); }
