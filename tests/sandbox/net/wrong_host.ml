// §14.4 hosts are matched by name: a grant for example.com or localhost does not cover 127.0.0.1
// args: --allow-net=example.com,localhost:1
// stdout: CapabilityError
// stdout: CapabilityError
// connections: 0
import http;
try { http.get("http://127.0.0.1:@PORT@/ok"); } except (e) { print(e.type); }
try { http.get("http://localhost:@PORT@/ok"); } except (e) { print(e.type); }
