// §12.13 args: ArgParser and ParsedArgs — flags, options, positionals, combined short flags, help, and their errors
import args;
p = args.create_parser("prog");
p.add_flag("all", "a", "include everything");
p.add_flag("brief", "b", null);
p.add_flag("color", null, "use colours");
p.add_option("name", "n", "a name", null);
p.add_option("level", "l", "a level", 3);
p.add_positional("src", "source", true);
p.add_positional("dst", "destination");
r = p.parse(["-ab", "--name", "x y", "from", "to"]);
print(r.flags()); // expect: {"help": false, "all": true, "brief": true, "color": false}
print(r.options(), r.positionals()); // expect: {"name": "x y", "level": 3} ["from", "to"]
print(r.get("name"), r.get("level"), r.get("src"), r.get("dst"), r.get("color"), r.get("all")); // expect: x y 3 from to false true
print(r.get("nothing"), r.get("nothing", 7), r.get("level", 9)); // expect: null 7 3
print(r.has("name"), r.has("level"), r.has("src"), r.has("dst"), r.has("all"), r.has("color"), r.has("nothing")); // expect: true false true true true false false
print(r.get_bool("all"), r.get_bool("color"), r.get_bool("nothing")); // expect: true false false
// Short options take the next argument, or the rest of their group; --name=value; the last value wins.
r = p.parse(["-n", "first", "--name=second", "-l5", "s"]);
print(r.get("name"), r.get("level"), r.get("dst"), r.get("dst", "none"), r.has("dst")); // expect: second 5 null none false
r = p.parse(["-an", "v", "s", "--color"]);
print(r.get("name"), r.get_bool("all"), r.get_bool("color"), r.get_bool("brief")); // expect: v true true false
// `--` ends the options; `-` and negative numbers are positionals; extra positionals are kept.
r = p.parse(["--", "-a", "--name"]);
print(r.positionals(), r.get("src"), r.get_bool("all"), r.get("name", "unset")); // expect: ["-a", "--name"] -a false unset
r = p.parse(["-", "-5", "-2.5", "x"]);
print(r.positionals(), r.get("src"), r.get("dst")); // expect: ["-", "-5", "-2.5", "x"] - -5
// An option's value is the next argument whatever it looks like.
r = p.parse(["s", "--name", "--all"]);
print(r.get("name"), r.get_bool("all")); // expect: --all false
// --help and -h set the flag help, and then a missing positional is no error.
print(p.parse(["--help"]).get_bool("help"), p.parse(["-h"]).flags()["help"], p.parse(["s"]).get_bool("help")); // expect: true true false
// Errors: unknown options, missing values, missing required positionals.
for (argv in [["s", "--nope"], ["s", "-z"], ["s", "-az"], ["s", "--name"], ["s", "-n"], ["s", "-bn"], [], ["--all"], ["--all=yes", "s"]]) {
    try {
        p.parse(argv);
        print(argv, "parsed");
    } except (e) {
        print(argv, e.type);
    }
}
// expect: ["s", "--nope"] ValueError
// expect: ["s", "-z"] ValueError
// expect: ["s", "-az"] ValueError
// expect: ["s", "--name"] ValueError
// expect: ["s", "-n"] ValueError
// expect: ["s", "-bn"] ValueError
// expect: [] ValueError
// expect: ["--all"] ValueError
// expect: ["--all=yes", "s"] ValueError
try { p.parse(["s", 1]); } except (e) { print(e.type); } // expect: TypeError
try { p.parse("s"); } except (e) { print(e.type); } // expect: TypeError
// Declaration errors.
try { p.add_flag("all", null, ""); } except (e) { print(e.type); } // expect: ValueError
try { p.add_flag("help", null, ""); } except (e) { print(e.type); } // expect: ValueError
try { p.add_flag("other", "a", ""); } except (e) { print(e.type); } // expect: ValueError
try { p.add_flag("other", "ab", ""); } except (e) { print(e.type); } // expect: ValueError
try { p.add_flag("--other", null, ""); } except (e) { print(e.type); } // expect: ValueError
try { p.add_flag("", null, ""); } except (e) { print(e.type); } // expect: ValueError
try { p.add_positional("src", ""); } except (e) { print(e.type); } // expect: ValueError
try { p.add_flag("other", 1, ""); } except (e) { print(e.type); } // expect: TypeError
try { p.add_option("other", null, ""); } except (e) { print(e.type); } // expect: TypeError
try { p.add_positional("other", "", "yes"); } except (e) { print(e.type); } // expect: TypeError
try { p.add_option("other", null, "", [1]); } except (e) { print(e.type); } // expect: TypeError
// Optional positionals; an empty parser.
q = args.create_parser();
q.add_positional("maybe", "optional");
print(q.parse([]).positionals(), q.parse([]).get("maybe", "absent"), q.parse(["x", "y"]).positionals()); // expect: [] absent ["x", "y"]
print(args.create_parser().parse([]).flags(), args.create_parser().parse([]).options()); // expect: {"help": false} {}
// help(): usage text naming the parser, its arguments and their help.
h = p.help();
print(typeof(h), h.find("prog") >= 0, h.find("--name") >= 0, h.find("a level") >= 0, h.find("src") >= 0, h.find("--help") >= 0); // expect: string true true true true true
print(methods(p)); // expect: ["add_flag", "add_option", "add_positional", "help", "parse"]
print(methods(r)); // expect: ["flags", "get", "get_bool", "has", "options", "positionals"]
