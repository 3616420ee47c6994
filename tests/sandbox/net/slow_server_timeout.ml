// §1.4 a request to a server that never answers is interrupted by --timeout (limit status, in time)
// args: --allow-net=127.0.0.1:@PORT@ --timeout 1
// exit: 75
import http;
print(http.get("http://127.0.0.1:@PORT@/slow").status());
