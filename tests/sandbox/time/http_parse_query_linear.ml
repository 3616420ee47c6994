// §12.12 http.parseQuery of 400,000 pairs finishes well within its limit: it was quadratic (the position of each piece, for error messages, was counted from the start of the text), hours for this query
// args: --max-memory 256M --timeout 10
// stdout: 400000 1
import http;
q = "a=1&" * 400000 + "b=2";
r = http.parseQuery(q);
print(len(r["a"]), len(keys(r)) - 1);
