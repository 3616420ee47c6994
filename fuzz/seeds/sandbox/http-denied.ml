// args: --allow-net=127.0.0.1:9
import http;
for (u in ["http://127.0.0.1:9/", "http://127.0.0.1:80/", "https://localhost/", "ftp://x/", "not a url"]) {
    try { print(http.get(u, {}, 0.1).status()); } except (e) { print(e.type); }
}
print(http.encodeQuery({a: "b c", d: "é"}), http.parseQuery("?a=1&a=2"));
