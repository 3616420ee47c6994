// §12.12 http.parseQuery of ever longer queries of one repeated key: each value is checked against the limit as it is made
// args: --max-memory 64M --timeout 10
// exit: 75
import http;
q = "a=1&" * 3000000;
while (true) { r = http.parseQuery(q); q = q + q; }
