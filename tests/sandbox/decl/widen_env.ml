// §14.3 declaring `allow system "SANDBOX_SECRET"` without --allow-env grants nothing
// stdout: false
// stdout: CapabilityError
capability Secrets {
    allow system "SANDBOX_SECRET";
}
import env;
print(hasCapability("env.read"));
try { print(env.get("SANDBOX_SECRET")); } except (e) { print(e.type); }
