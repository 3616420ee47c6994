// §12.12 a redirect is re-checked against the grants: a redirect to an ungranted port is denied and never followed
// args: --allow-net=127.0.0.1:@PORT@
// stdout: CapabilityError
// connections: 1
import http;
try { print(http.get("http://127.0.0.1:@PORT@/redirect-denied").text()); } except (e) { print(e.type); }
