// §14.4 a host:port entry covers that port only
// args: --allow-net=127.0.0.1:1
// stdout: CapabilityError
// connections: 0
import http;
try { http.get("http://127.0.0.1:@PORT@/ok"); } except (e) { print(e.type); }
