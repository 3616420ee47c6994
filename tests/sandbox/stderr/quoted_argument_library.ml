// §9.5 library functions quote their arguments: format, datetime.parseISO, file encodings, http URLs, args options, array index
// args: --max-memory 256M --timeout 10
// exit: 1
// expect-error: ValueError
import datetime;
import http;
import args;
big = "z" * 1000000;
n = 0;
try { x = format(1, big); } except (e) { n = n + 1; }
try { x = datetime.parseISO(big); } except (e) { n = n + 1; }
try { x = http.get("http://" + big); } except (e) { n = n + 1; }
try { x = [1].index(big); } except (e) { n = n + 1; }
print(n);
p = args.create_parser();
r = p.parse(["--" + big]);
