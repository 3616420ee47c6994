// §12.14 setting or deleting an ungranted variable is denied (env.write per variable)
// args: --allow-env=SANDBOX_PUBLIC
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: changed
import env;
try { env.set("PATH", "/tmp/evil"); } except (e) { print(e.type); }
try { env.delete("SANDBOX_SECRET"); } except (e) { print(e.type); }
try { env.set("LD_PRELOAD", "/tmp/evil.so"); } except (e) { print(e.type); }
env.set("SANDBOX_PUBLIC", "changed");
print(env.get("SANDBOX_PUBLIC"));
