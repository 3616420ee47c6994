// §14.4 overwriting or appending through a file link inside the grant changes the target outside: denied
// args: --allow-write=granted
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: CapabilityError
import file;
try { file.write("granted/escape_file", "overwritten"); } except (e) { print(e.type); }
try { file.append("granted/escape_file", "appended"); } except (e) { print(e.type); }
try { file.writeBytes("granted/escape_file", [65, 66]); } except (e) { print(e.type); }
