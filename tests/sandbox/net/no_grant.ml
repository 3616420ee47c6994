// §12.12 without --allow-net a request is denied before any connection is attempted
// stdout: CapabilityError
// stdout: CapabilityError
// stdout: CapabilityError
// connections: 0
import http;
try { http.get("http://127.0.0.1:@PORT@/ok"); } except (e) { print(e.type); }
try { http.post("http://127.0.0.1:@PORT@/ok", {body: "x"}); } except (e) { print(e.type); }
try { http.request({url: "http://127.0.0.1:@PORT@/ok", method: "PUT"}); } except (e) { print(e.type); }
