// §12.15, §14.5 crypto: hash_file needs file.read for the path; without a grant it raises CapabilityError naming the capability and the option
import crypto;
try {
    crypto.hash_file("fixture/abc.txt");
} except (e) {
    print(e.type, e.message.find("file.read") >= 0, e.message.find("--allow-read") >= 0);
}
// expect: CapabilityError true true
// hashing strings needs no capability
print(crypto.md5("abc")); // expect: 900150983cd24fb0d6963f7d28e17f72
h = crypto.hash_file;
h("fixture/abc.txt"); // expect-error: CapabilityError@12
