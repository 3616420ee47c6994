// §12.15 crypto: sha256, sha1 and md5 (with salt) against published test vectors
import crypto;
// FIPS 180-4 (NIST "Example Algorithms": SHA-256 and SHA-1 of "abc", the 448-bit message, one million "a")
print(crypto.sha256("abc")); // expect: ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
print(crypto.sha1("abc")); // expect: a9993e364706816aba3e25717850c26c9cd0d89d
print(crypto.sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")); // expect: 248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1
print(crypto.sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")); // expect: 84983e441c3bd26ebaae4aa1f95129e5e54670f1
million = "a" * 1000000;
print(crypto.sha256(million)); // expect: cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0
print(crypto.sha1(million)); // expect: 34aa973cd4c4daa4f61eeb2bdbad27316534016f
print(crypto.sha256(""), crypto.sha1("")); // expect: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 da39a3ee5e6b4b0d3255bfef95601890afd80709
// RFC 1321, appendix A.5 (the MD5 test suite)
for (s in ["", "a", "abc", "message digest", "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "12345678901234567890123456789012345678901234567890123456789012345678901234567890"]) {
    print(crypto.md5(s));
}
// expect: d41d8cd98f00b204e9800998ecf8427e
// expect: 0cc175b9c0f1b6a831c399e269772661
// expect: 900150983cd24fb0d6963f7d28e17f72
// expect: f96b697d7cb7938d525a2f31aaf161d0
// expect: c3fcd3d76192e4007dfb496cca67e13b
// expect: d174ab98d277d9f5a5611c2c9f419d9f
// expect: 57edf4a22be3c955ac49da2e2107b67a
// the salt is prepended: hash(salt + data)
print(crypto.sha256("c", "ab") == crypto.sha256("abc"), crypto.md5("digest", "message ") == crypto.md5("message digest"), crypto.sha1("bc", "a")); // expect: true true a9993e364706816aba3e25717850c26c9cd0d89d
print(crypto.sha256("password") != crypto.sha256("password", "salt"), crypto.sha256("x", "") == crypto.sha256("x")); // expect: true true
// the UTF-8 bytes of the text are hashed
print(crypto.sha256("é"), crypto.md5("é")); // expect: 4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c 66ddcd97cfdeabb2f6fb8a999b4bc76f
print(len(crypto.sha256("x")), len(crypto.sha1("x")), len(crypto.md5("x"))); // expect: 64 40 32
function bad(f) {
    try {
        f();
        print("no error");
    } except (e) {
        print(e.type, e.message);
    }
}
bad(fn() => crypto.sha256(5)); // expect: TypeError `crypto.sha256` expects a string for `data`, got int
bad(fn() => crypto.md5("x", null)); // expect: TypeError `crypto.md5` expects a string for `salt`, got null
bad(fn() => crypto.sha1()); // expect: TypeError `crypto.sha1` takes at least 1 argument but 0 were given
