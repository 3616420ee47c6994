// §14.4 a file link inside the grant (granted/escape_file -> ../outside/secret.txt) is checked at its target
// args: --allow-read=granted
// expect-error: CapabilityError
// stderr: --allow-read
import file;
print(file.read("granted/escape_file"));
