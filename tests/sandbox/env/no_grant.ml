// §14.2 without --allow-env no variable is readable, HOME and PATH included
// stdout: false []
// stdout: CapabilityError
// expect-error: CapabilityError
// stderr: --allow-env
import env;
print(hasCapability("env.read"), getCapabilities());
try { print(env.get("HOME")); } except (e) { print(e.type); }
print(env.get("PATH"));
