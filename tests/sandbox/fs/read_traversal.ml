// §14.4 `..` out of a read grant is resolved before the check: denied, nothing read
// args: --allow-read=granted
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: done
import file;
for (p in ["granted/../outside/secret.txt", "granted/sub/../../outside/secret.txt", "granted/./sub/../../../../../../etc/passwd"]) {
    try {
        print(file.read(p));
    } except (e) {
        print(e.type);
    }
}
print("done");
