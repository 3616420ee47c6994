// §12.14 env.all needs env.read for every variable: a list of variables is not enough
// args: --allow-env=SANDBOX_PUBLIC
// stdout: CapabilityError
// stdout: public-value
import env;
try { print(env.all()); } except (e) { print(e.type); }
print(env.get("SANDBOX_PUBLIC"));
