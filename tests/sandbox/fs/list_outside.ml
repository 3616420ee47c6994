// §12.11 listing a directory outside the grant, by name, through `..`, through a link or at `/`: denied
// args: --allow-read=granted
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: CapabilityError
import path;
for (d in ["outside", "granted/..", "granted/escape", "/", "~"]) {
    try { print(path.listDir(d)); } except (e) { print(e.type); }
}
