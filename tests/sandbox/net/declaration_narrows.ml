// §14.3 under -A a declaration `allow network "example.com"` excludes every other host
// args: -A
// stdout: CapabilityError
// connections: 0
capability Api {
    allow network "example.com";
}
import http;
try { http.get("http://127.0.0.1:@PORT@/ok"); } except (e) { print(e.type); }
