// §1.4 control: text forms and case mappings of a few megabytes stay well under --max-memory 64M and run to their end
// args: --max-memory 64M --timeout 10
// stdout: 3000004 6000002 3000000 3000000
import json;
s = "abc" * 1000000;
print(len(repr([s])), len(json.stringify([s, s])) - 6, len(s.title()), len(s.upper()));
