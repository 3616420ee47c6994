// §12.12 https needs network.https for its host and port; without a grant nothing connects
// expect-error: CapabilityError
// stderr: --allow-net
// connections: 0
import http;
http.get("https://127.0.0.1:@PORT@/ok");
