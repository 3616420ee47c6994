// §12.11 removeDirRecursive on a link to a directory outside the grant must not delete the directory's contents
// args: --allow-read=granted --allow-write=granted
// stdout: done
// must-exist: outside/victim/a.txt
// must-exist: outside/victim/b/c.txt
import path;
try { path.removeDirRecursive("granted/victimlink"); } except (e) { }
try { path.removeDirRecursive("granted/victimlink/"); } except (e) { }
try { path.removeDirRecursive("granted/victimlink/b"); } except (e) { }
print("done");
