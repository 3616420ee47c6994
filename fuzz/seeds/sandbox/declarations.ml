// args: -A
capability Narrow {
    resource "granted/sub/*";
    allow read;
    allow write "granted/sub/out.txt";
    allow system "FUZZ_*";
}
import file;
import env;
print(hasCapability("file.read"), getCapabilities(), getCapabilityInfo("file.write"));
try { file.write("granted/sub/out.txt", "ok"); print(file.read("granted/sub/out.txt")); } except (e) { print(e.type); }
try { file.write("granted/data.txt", "no"); } except (e) { print(e.type); }
try { print(env.get("HOME")); } except (e) { print(e.type); }
