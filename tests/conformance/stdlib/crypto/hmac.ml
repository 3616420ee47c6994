// §12.15 crypto: hmac, verify_hmac and compare_hash; HMAC values from RFC 4231 (HMAC-SHA-256) and RFC 2202 (HMAC-SHA-1, HMAC-MD5)
import crypto;
// RFC 4231 test case 1 (key 0x0b x 20, "Hi There") and test case 2 ("Jefe")
print(crypto.hmac("Hi There", "\x0b" * 20)); // expect: b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7
print(crypto.hmac("what do ya want for nothing?", "Jefe", "sha256")); // expect: 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843
// RFC 4231 test case 5: the output truncated to 128 bits
print(crypto.hmac("Test With Truncation", "\x0c" * 20)[:32]); // expect: a3b6167473100ee06e0c796c2955552b
// RFC 2202 test cases 1, 2 and 5 for HMAC-SHA-1 and HMAC-MD5
print(crypto.hmac("Hi There", "\x0b" * 20, "sha1")); // expect: b617318655057264e28bc0b6fb378c8ef146be00
print(crypto.hmac("what do ya want for nothing?", "Jefe", "sha1")); // expect: effcdf6ae5eb2fa2d27416d5f184df9c259a7c79
print(crypto.hmac("Test With Truncation", "\x0c" * 20, "sha1")); // expect: 4c1a03424b55e07fe7f27be1d58bb9324a9a5a04
print(crypto.hmac("Hi There", "\x0b" * 16, "md5")); // expect: 9294727a3638bb1c13f48ef8158bfc9d
print(crypto.hmac("what do ya want for nothing?", "Jefe", "md5")); // expect: 750c783e6ab0b503eaa86e310a5db738
print(crypto.hmac("Test With Truncation", "\x0c" * 16, "md5")); // expect: 56461ef2342edc00f9bab995690efd4c
print(crypto.hmac("", "")); // expect: b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad
// verify_hmac compares with the expected HMAC (same text, in constant time)
sig = crypto.hmac("message", "secret");
print(crypto.verify_hmac("message", sig, "secret"), crypto.verify_hmac("message", sig, "other"), crypto.verify_hmac("massage", sig, "secret")); // expect: true false false
print(crypto.verify_hmac("message", sig.upper(), "secret"), crypto.verify_hmac("message", sig[:63], "secret"), crypto.verify_hmac("message", "", "secret")); // expect: false false false
md = crypto.hmac("m", "k", "md5");
print(crypto.verify_hmac("m", md, "k", "md5"), crypto.verify_hmac("m", md, "k"), crypto.verify_hmac("m", crypto.hmac("m", "k", "sha1"), "k", "sha1")); // expect: true false true
// compare_hash: constant-time string equality
print(crypto.compare_hash("abc", "abc"), crypto.compare_hash("abc", "abd"), crypto.compare_hash("abc", "abcd"), crypto.compare_hash("", ""), crypto.compare_hash("é", "é")); // expect: true false false true true
function bad(f) {
    try {
        f();
        print("no error");
    } except (e) {
        print(e.type, e.message);
    }
}
bad(fn() => crypto.hmac("m", "k", "sha512")); // expect: ValueError `crypto.hmac`: unsupported algorithm "sha512" (supported: "sha256", "sha1", "md5")
bad(fn() => crypto.verify_hmac("m", "s", "k", "SHA256")); // expect: ValueError `crypto.verify_hmac`: unsupported algorithm "SHA256" (supported: "sha256", "sha1", "md5")
bad(fn() => crypto.hmac("m", 5)); // expect: TypeError `crypto.hmac` expects a string for `key`, got int
bad(fn() => crypto.compare_hash("a", null)); // expect: TypeError `crypto.compare_hash` expects a string for `b`, got null
