// §12.12 http.encodeURI triples the bytes it encodes: checked before its text is built
// args: --max-memory 64M --timeout 10
// exit: 75
import http;
r = http.encodeURI("é" * 10000000);
print(len(r));
