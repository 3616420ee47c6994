// §14.3 §16.15 under -A one read declaration excludes everything else: writes, env, network
// args: -A
// stdout: true false false false
// stdout: CapabilityError
// stdout: CapabilityError
// must-not-exist: granted/pwned.txt
capability Config {
    allow read "granted";
}
import file;
import env;
print(hasCapability("file.read"), hasCapability("file.write"), hasCapability("env.read"), hasCapability("network.http"));
try { file.write("granted/pwned.txt", "x"); } except (e) { print(e.type); }
try { print(env.get("SANDBOX_SECRET")); } except (e) { print(e.type); }
