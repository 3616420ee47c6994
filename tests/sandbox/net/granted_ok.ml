// §12.12 control: a granted host and port is reachable, and a redirect within the grant is followed
// args: --allow-net=127.0.0.1:@PORT@ --timeout 10
// stdout: 200 hello
// stdout: 200 hello
// connections: 3
import http;
r = http.get("http://127.0.0.1:@PORT@/ok");
print(r.status(), r.text());
r = http.get("http://127.0.0.1:@PORT@/redirect-self");
print(r.status(), r.text());
