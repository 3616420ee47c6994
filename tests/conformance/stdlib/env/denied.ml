// §12.14, §14.5 env: reading needs env.read and changing needs env.write for the variable; all() needs env.read for every variable
import env;
k = "MLPY_CONF_ENV_DENIED";
calls = [
    ["get", fn() => env.get(k)],
    ["get", fn() => env.get(k, "default")],
    ["require", fn() => env.require(k)],
    ["has", fn() => env.has(k)],
    ["get_int", fn() => env.get_int(k, 1)],
    ["get_float", fn() => env.get_float(k)],
    ["get_bool", fn() => env.get_bool(k)],
    ["all", fn() => env.all()],
    ["set", fn() => env.set(k, "x")],
    ["delete", fn() => env.delete(k)]
];
for (c in calls) {
    try {
        g = c[1];
        g();
        print(c[0], "allowed");
    } except (e) {
        print(c[0], e.type);
    }
}
// expect: get CapabilityError
// expect: get CapabilityError
// expect: require CapabilityError
// expect: has CapabilityError
// expect: get_int CapabilityError
// expect: get_float CapabilityError
// expect: get_bool CapabilityError
// expect: all CapabilityError
// expect: set CapabilityError
// expect: delete CapabilityError
try { env.get("HOME"); } except (e) { print(e.message.find("env.read") >= 0, e.message.find("--allow-env") >= 0); } // expect: true true
try { env.set(k, 1); } except (e) { print(e.message.find("env.write") >= 0); } // expect: true
print(requiredCapabilities(env.get), requiredCapabilities(env.all), requiredCapabilities(env.set), requiredCapabilities(env.delete)); // expect: ["env.read"] ["env.read"] ["env.write"] ["env.write"]
env.get("PATH");
// expect-error: CapabilityError@38
