// §14.4 deleting a link inside the grant removes at most the link, never its target outside
// args: --allow-read=granted --allow-write=granted
// stdout: done
// must-exist: outside/secret.txt
// must-exist: outside/victim/a.txt
import file;
try { file.delete("granted/escape_file"); } except (e) { }
try { file.delete("granted/victimlink"); } except (e) { }
print("done");
