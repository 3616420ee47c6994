// §12.14 every reader of an ungranted variable is denied (no value, no existence, no parse leaks)
// args: --allow-env=SANDBOX_PUBLIC
// stdout: 6 denied
import env;
probes = [
    fn() => env.get("SANDBOX_SECRET"),
    fn() => env.get("SANDBOX_SECRET", "default"),
    fn() => env.has("SANDBOX_SECRET"),
    fn() => env.require("SANDBOX_SECRET"),
    fn() => env.get_int("SANDBOX_SECRET", 5),
    fn() => env.get_bool("SANDBOX_SECRET")
];
denied = 0;
for (p in probes) {
    try { print(p()); } except (e) { if (e.type == "CapabilityError") { denied = denied + 1; } }
}
print(denied, "denied");
