// §14.4 a link inside the grant to a device (granted/zero -> /dev/zero) is outside the grant
// args: --allow-read=granted --max-memory 64M --timeout 5
// stdout: CapabilityError
// stdout: CapabilityError
import file;
try { print(len(file.read("granted/zero"))); } except (e) { print(e.type); }
try { print(len(file.readBytes("granted/zero"))); } except (e) { print(e.type); }
