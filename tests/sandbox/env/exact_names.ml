// §14.4 variable entries are exact names: SANDBOX_PUB does not cover SANDBOX_PUBLIC, nor does the case differ
// args: --allow-env=SANDBOX_PUB,sandbox_public
// stdout: CapabilityError
// stdout: null
import env;
try { print(env.get("SANDBOX_PUBLIC")); } except (e) { print(e.type); }
print(env.get("SANDBOX_PUB"));
