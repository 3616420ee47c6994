// §12.15 crypto: uuid (random version 4) and uuid_from_string (version 5; values from Python's uuid.uuid5)
import crypto;
u = crypto.uuid();
lengths = [];
for (p in u.split("-")) {
    lengths.append(len(p));
}
print(len(u), lengths, u == u.lower(), u[14], "89ab".find(u[19]) >= 0); // expect: 36 [8, 4, 4, 4, 12] true 4 true
ok = true;
for (c in u.replace("-", "")) {
    ok = ok && "0123456789abcdef".find(c) >= 0;
}
print(ok, crypto.uuid() != crypto.uuid()); // expect: true true
// version 5 in the DNS namespace by default (python3 -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'))")
print(crypto.uuid_from_string("python.org")); // expect: 886313e1-3b8a-5372-9b90-0c9aee199e5d
print(crypto.uuid_from_string("python.org", null), crypto.uuid_from_string("")); // expect: 886313e1-3b8a-5372-9b90-0c9aee199e5d 4ebd0208-8328-5d69-8c44-ec50939c0967
print(crypto.uuid_from_string("é")); // expect: ebfe0af8-3997-5ade-b634-ba92cf69f557
// other namespaces, in any of the usual text forms (URL and OID namespaces of RFC 4122)
print(crypto.uuid_from_string("http://python.org/", "6ba7b811-9dad-11d1-80b4-00c04fd430c8")); // expect: 4c565f0d-3f5a-5890-b41b-20cf47701c5e
print(crypto.uuid_from_string("http://python.org/", "6BA7B8119DAD11D180B400C04FD430C8")); // expect: 4c565f0d-3f5a-5890-b41b-20cf47701c5e
print(crypto.uuid_from_string("1.3.6.1", "{6ba7b812-9dad-11d1-80b4-00c04fd430c8}")); // expect: 1447fa61-5277-5fef-a9b3-fbc6e44f4af3
print(crypto.uuid_from_string("python.org", "urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8")); // expect: 886313e1-3b8a-5372-9b90-0c9aee199e5d
function bad(f) {
    try {
        f();
        print("no error");
    } except (e) {
        print(e.type, e.message.startswith("`crypto.uuid_from_string`: namespace"));
    }
}
bad(fn() => crypto.uuid_from_string("x", "not-a-uuid")); // expect: ValueError true
bad(fn() => crypto.uuid_from_string("x", "")); // expect: ValueError true
bad(fn() => crypto.uuid_from_string("x", "6ba7b810-9dad-11d1-80b4-00c04fd430c")); // expect: ValueError true
bad(fn() => crypto.uuid_from_string(5)); // expect: TypeError false
bad(fn() => crypto.uuid(1)); // expect: TypeError false
