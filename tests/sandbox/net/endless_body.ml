// §12.12 a body larger than MAX_RESPONSE_SIZE raises IOError; it is never held whole in memory
// args: --allow-net=127.0.0.1:@PORT@ --max-memory 64M --timeout 10
// stdout: IOError
import http;
try { print(len(http.get("http://127.0.0.1:@PORT@/endless").text())); } except (e) { print(e.type); }
