// §4.7 §12.6 self-containing values: shown without looping, stringify raises ValueError
// args: --timeout 10
// stdout: ValueError
// stdout: done
import json;
a = [1];
a.append(a);
o = {};
o.self = o;
s = str(a) + str(o) + repr([a, o]);
try { json.stringify(a); } except (e) { print(e.type); }
print("done");
