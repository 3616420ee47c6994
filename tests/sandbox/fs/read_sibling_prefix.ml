// §14.4 an entry covers paths below it by whole components: `granted` does not cover `granted-sibling`
// args: --allow-read=granted
// stdout: CapabilityError
// stdout: CapabilityError
import file;
try { print(file.read("granted-sibling/secret.txt")); } except (e) { print(e.type); }
try { print(file.exists("granted-sibling")); } except (e) { print(e.type); }
