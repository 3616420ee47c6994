// args: --allow-env=FUZZ_PUBLIC
import env;
for (k in ["FUZZ_PUBLIC", "HOME", "PATH"]) {
    try { print(env.get(k), env.has(k), env.get_int(k, 3)); } except (e) { print(e.type); }
}
try { print(env.all()); } except (e) { print(e.type); }
try { env.set("FUZZ_PUBLIC", [1, 2]); env.delete("FUZZ_PUBLIC"); } except (e) { print(e.type); }
