// §14.1 existence tests and metadata need file.read too: every probe outside the grant is denied, not answered `false`
// args: --allow-read=granted
// stdout: 7 denied
import file;
import path;
probes = [
    fn() => file.exists("outside/secret.txt"),
    fn() => file.isFile("outside/secret.txt"),
    fn() => file.isDirectory("outside"),
    fn() => file.size("outside/secret.txt"),
    fn() => file.modifiedTime("outside/secret.txt"),
    fn() => path.exists("granted/escape/secret.txt"),
    fn() => path.isDirectory("granted/escape")
];
denied = 0;
for (p in probes) {
    try { p(); } except (e) { if (e.type == "CapabilityError") { denied = denied + 1; } }
}
print(denied, "denied");
