// §14.3 declaring a host without --allow-net grants nothing: no connection is attempted
// stdout: CapabilityError
// connections: 0
capability Api {
    allow network "127.0.0.1";
}
import http;
try { http.get("http://127.0.0.1:@PORT@/ok"); } except (e) { print(e.type); }
