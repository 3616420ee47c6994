// §12.12 http: constants, declarations, HttpResponse methods, and requests denied without --allow-net
import http;
print(http.DEFAULT_TIMEOUT, http.MAX_RESPONSE_SIZE); // expect: 30 10485760
print(requiredCapabilities(http.get)); // expect: ["network.http", "network.https"]
print(requiredCapabilities(http.request), requiredCapabilities(http.parseQuery)); // expect: ["network.http", "network.https"] []
print(hasCapability("network.http")); // expect: false
for (f in [http.get, http.delete, http.head, http.post, http.put, http.patch]) {
    try { f("http://127.0.0.1:9/x"); print("requested"); } except (e) { print(e.type); }
}
// expect: CapabilityError
// expect: CapabilityError
// expect: CapabilityError
// expect: CapabilityError
// expect: CapabilityError
// expect: CapabilityError
try { http.request({url: "https://example.com/", method: "POST", body: {a: 1}}); } except (e) { print(e.type); }
// expect: CapabilityError
try { http.get("ftp://example.com/"); } except (e) { print(e.type, e.message); }
// expect: ValueError `http.get`: `ftp://example.com/` has the unsupported scheme `ftp`: only http and https are supported
try { http.get("example.com"); } except (e) { print(e.type); }
// expect: ValueError
try { http.get("http://h:70000/"); } except (e) { print(e.type, e.message); }
// expect: ValueError `http.get`: `http://h:70000/` has the invalid port `70000`
try { http.post("http://127.0.0.1:9/", {body: "x", timeout: -1}); } except (e) { print(e.type, e.message); }
// expect: ValueError `http.post`: timeout must be a positive number of seconds, got -1
try { http.get("http://127.0.0.1:9/", "not headers"); } except (e) { print(e.type, e.message); }
// expect: TypeError `http.get` expects an object or null for `headers`, got string
try { http.request("http://127.0.0.1:9/"); } except (e) { print(e.type); }
// expect: TypeError
http.get("http://127.0.0.1:9/");
// expect-error: CapabilityError@30
