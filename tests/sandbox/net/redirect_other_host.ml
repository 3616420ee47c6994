// §12.12 a redirect to another host name (localhost instead of 127.0.0.1) is re-checked and denied
// args: --allow-net=127.0.0.1:@PORT@
// stdout: CapabilityError
// connections: 1
import http;
try { print(http.get("http://127.0.0.1:@PORT@/redirect-localhost").text()); } except (e) { print(e.type); }
