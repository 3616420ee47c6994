// §12.12 http.encodeQuery repeats a long key for each value of an array (100 GB of text from 2 MB): checked as the pairs are made
// args: --max-memory 64M --timeout 10
// exit: 75
import http;
o = {};
o["k" * 1000000] = [1] * 100000;
r = http.encodeQuery(o);
print(len(r));
