// §14.3 a declaration without allow items permits nothing, even under -A
// args: -A
// stdout: []
// stdout: CapabilityError
capability Nothing {
    resource "granted/data.txt";
}
import file;
print(getCapabilities());
try { print(file.read("granted/data.txt")); } except (e) { print(e.type); }
