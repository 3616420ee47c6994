// §12.14 env: get, require, has, get_int, get_float, get_bool, all, set, delete
// args: -A
import env;
import collections;
k = "MLPY_CONF_ENV_VALUE";
env.delete(k);
print(env.has(k), env.get(k), env.get(k, "fallback")); // expect: false null fallback
print(env.set(k, "hello")); // expect: null
print(env.has(k), env.get(k), env.require(k), env.get(k, "fallback")); // expect: true hello hello hello
env.set(k, 42);
print(repr(env.get(k)), env.get_int(k), env.get_float(k)); // expect: "42" 42 42.0
env.set(k, [1, "a"]);
print(env.get(k)); // expect: [1, "a"]
env.set(k, " 17 ");
print(env.get_int(k), env.get_int(k, 5)); // expect: 17 17
env.set(k, "2.75");
print(env.get_int(k), env.get_float(k)); // expect: 2 2.75
env.set(k, "not a number");
print(env.get_int(k), env.get_int(k, -1), env.get_float(k), env.get_float(k, 1.5)); // expect: 0 -1 0.0 1.5
env.set(k, "123456789012345678901234567890");
print(env.get_int(k)); // expect: 123456789012345678901234567890
env.set(k, "1e3");
print(env.get_float(k)); // expect: 1000.0
for (v in ["true", "TRUE", "1", "yes", "On", "false", "0", "no", "", "y"]) {
    env.set(k, v);
    print(repr(v), env.get_bool(k), env.get_bool(k, true));
}
// expect: "true" true true
// expect: "TRUE" true true
// expect: "1" true true
// expect: "yes" true true
// expect: "On" true true
// expect: "false" false false
// expect: "0" false false
// expect: "no" false false
// expect: "" false false
// expect: "y" false false
env.set(k, "");
print(env.has(k), repr(env.get(k, "d"))); // expect: true ""
print(env.delete(k), env.has(k)); // expect: null false
print(env.delete(k)); // expect: null
print(env.get_int(k), env.get_int(k, 9), env.get_float(k), env.get_bool(k), env.get_bool(k, true)); // expect: 0 9 0.0 false true
print(env.get_int(k, null), env.get(k, [1])); // expect: null [1]
try { env.require(k); } except (e) { print(e.type, e.message.find(k) >= 0); } // expect: RuntimeError true
env.set(k, "seen");
a = env.all();
print(typeof(a), a[k], len(a) > 0); // expect: object seen true
ks = keys(a);
print(ks == sorted(ks)); // expect: true
env.delete(k);
print(len(collections.filter(keys(env.all()), fn(name) => name == k))); // expect: 0
// Names the operating system cannot hold, and wrong kinds.
try { env.set("", "x"); } except (e) { print(e.type); } // expect: ValueError
try { env.set("A=B", "x"); } except (e) { print(e.type); } // expect: ValueError
try { env.set(k, "a\u{0}b"); } except (e) { print(e.type); } // expect: ValueError
try { env.get("A=B"); } except (e) { print(e.type); } // expect: ValueError
try { env.delete(""); } except (e) { print(e.type); } // expect: ValueError
try { env.get(1); } except (e) { print(e.type); } // expect: TypeError
try { env.set(k); } except (e) { print(e.type); } // expect: TypeError
try { env.all(1); } except (e) { print(e.type); } // expect: TypeError
print(env.has(k)); // expect: false
