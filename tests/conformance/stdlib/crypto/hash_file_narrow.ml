// §12.15, §14.4 crypto: a grant for one directory permits hash_file there and nowhere else
// args: --allow-read=fixture
import crypto;
print(crypto.hash_file("fixture/abc.txt", "md5")); // expect: 900150983cd24fb0d6963f7d28e17f72
try {
    crypto.hash_file("hash_file_narrow.ml");
} except (e) {
    print(e.type, e.message.find("file.read") >= 0);
}
// expect: CapabilityError true
