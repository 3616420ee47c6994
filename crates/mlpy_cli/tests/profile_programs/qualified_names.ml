// Natives and methods in a profile carry their declared qualified names.
import math;
import path;
import args;
words = "a b c".split(" ");
words.append("d");
print(math.sqrt(16), len(words), "x".upper(), path.basename("a/b.txt"));
p = args.create_parser("t");
p.add_flag("verbose", "v", "talk more");
print(p.parse(["-v"]).get_bool("verbose"));
