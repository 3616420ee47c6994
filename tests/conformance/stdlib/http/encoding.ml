// §12.12 http: encodeURI and decodeURI (percent-encoding of UTF-8 bytes; unreserved characters and / kept)
import http;
print(http.encodeURI("abcXYZ019-._~/")); // expect: abcXYZ019-._~/
print(http.encodeURI("a b?c=d&e#f")); // expect: a%20b%3Fc%3Dd%26e%23f
print(http.encodeURI("é😀")); // expect: %C3%A9%F0%9F%98%80
print(http.encodeURI("100%+")); // expect: 100%25%2B
print(http.encodeURI(""), len(http.encodeURI(""))); // expect:  0
print(http.decodeURI("a%20b/%C3%A9%F0%9F%98%80")); // expect: a b/é😀
print(http.decodeURI("a+b%2b%2F")); // expect: a+b+/
print(http.decodeURI("plain")); // expect: plain
s = "path/with spaces/é?&=#%";
print(http.decodeURI(http.encodeURI(s)) == s); // expect: true
try { http.decodeURI("%zz"); } except (e) { print(e.type, e.message); }
// expect: ValueError `http.decodeURI`: `%zz` at position 0 is not a percent-encoded byte (%XX)
try { http.decodeURI("abc%4"); } except (e) { print(e.type, e.message); }
// expect: ValueError `http.decodeURI`: `%4` at position 3 is not a percent-encoded byte (%XX)
try { http.decodeURI("%C3"); } except (e) { print(e.type, e.message); }
// expect: ValueError `http.decodeURI`: the decoded bytes are not UTF-8 text
try { http.encodeURI(5); } except (e) { print(e.type, e.message); }
// expect: TypeError `http.encodeURI` expects a string for `s`, got int
f = http.encodeURI;
print(f("x y"), requiredCapabilities(f)); // expect: x%20y []
