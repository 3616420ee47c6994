// §12.15 crypto: hash_file with the file.read grant: digests of the file's bytes, algorithms, errors
// args: --allow-read
import crypto;
print(crypto.hash_file("fixture/abc.txt")); // expect: ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
print(crypto.hash_file("fixture/abc.txt", "sha1"), crypto.hash_file("fixture/abc.txt", "md5")); // expect: a9993e364706816aba3e25717850c26c9cd0d89d 900150983cd24fb0d6963f7d28e17f72
print(crypto.hash_file("fixture/empty.txt"), crypto.hash_file("fixture/empty.txt", "md5")); // expect: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 d41d8cd98f00b204e9800998ecf8427e
// a file longer than one read chunk (70,000 bytes)
print(crypto.hash_file("fixture/digits.txt"), crypto.hash_file("fixture/digits.txt") == crypto.sha256("0123456789" * 7000)); // expect: 02502db1634f5814e326db4e2593f7991d1c226820b3a210f8a0e41e61380206 true
// a device without a size is read to its end too
print(crypto.hash_file("/dev/null", "md5")); // expect: d41d8cd98f00b204e9800998ecf8427e
print(crypto.hash_file("./fixture/../fixture/abc.txt", "md5")); // expect: 900150983cd24fb0d6963f7d28e17f72
function bad(f) {
    try {
        f();
        print("no error");
    } except (e) {
        print(e.type, e.message);
    }
}
bad(fn() => crypto.hash_file("fixture/abc.txt", "sha512")); // expect: ValueError `crypto.hash_file`: unsupported algorithm "sha512" (supported: "sha256", "sha1", "md5")
bad(fn() => crypto.hash_file("fixture/missing.txt")); // expect: IOError `crypto.hash_file`: cannot read `fixture/missing.txt`: no such file or directory
bad(fn() => crypto.hash_file("fixture")); // expect: IOError `crypto.hash_file`: cannot read `fixture`: it is a directory
bad(fn() => crypto.hash_file(null)); // expect: TypeError `crypto.hash_file` expects a string for `path`, got null
print(requiredCapabilities(crypto.hash_file), requiredCapabilities(crypto.sha256)); // expect: ["file.read"] []
