// §14.5 the check is made however the function is reached: a variable, call, an object property, a callback, partial
// args: --allow-env=SANDBOX_PUBLIC
// stdout: 5 denied
import env;
import collections;
import functional;
g = env.get;
o = {read: env.get};
attempts = [
    fn() => g("SANDBOX_SECRET"),
    fn() => call(env.get, "SANDBOX_SECRET"),
    fn() => o.read("SANDBOX_SECRET"),
    fn() => collections.map(["SANDBOX_SECRET"], env.get),
    fn() => call(functional.partial(env.get, "SANDBOX_SECRET"))
];
denied = 0;
for (a in attempts) {
    try { print(a()); } except (e) { if (e.type == "CapabilityError") { denied = denied + 1; } }
}
print(denied, "denied");
