// §14.3 under -A a declaration `allow system "SANDBOX_PUBLIC"` leaves every other variable out, and env.all too
// args: -A
// stdout: true
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: public-value
capability Config {
    allow system "SANDBOX_PUBLIC";
}
import env;
print(hasCapability("env.read"));
try { print(env.get("SANDBOX_SECRET")); } except (e) { print(e.type); }
try { print(env.all()); } except (e) { print(e.type); }
print(env.get("SANDBOX_PUBLIC"));
