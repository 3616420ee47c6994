// §12.10 write creates missing parents: a path that climbs out through missing directories creates nothing outside
// args: --allow-write=granted
// stdout: CapabilityError
// stdout: CapabilityError
// must-not-exist: outside/made
// must-not-exist: made
import file;
try { file.write("granted/new/../../outside/made/x.txt", "pwned"); } except (e) { print(e.type); }
try { file.write("granted/a/b/../../../made/x.txt", "pwned"); } except (e) { print(e.type); }
