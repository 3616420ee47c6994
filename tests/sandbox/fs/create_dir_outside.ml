// §12.11 createDir outside the grant, directly or through a link: denied
// args: --allow-write=granted
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: CapabilityError
// must-not-exist: outside/newdir
// must-not-exist: outside/linked
// must-not-exist: newdir
import path;
try { path.createDir("outside/newdir"); } except (e) { print(e.type); }
try { path.createDir("granted/escape/linked/deeper"); } except (e) { print(e.type); }
try { path.createDir("granted/../newdir", true); } except (e) { print(e.type); }
