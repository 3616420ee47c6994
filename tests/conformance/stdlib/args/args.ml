// §12.13 args: all, script and rest (no capability needed), and parsing the program arguments by default
// args: -- in.txt --verbose -o out.txt -- extra
import args;
print(args.all()); // expect: ["args.ml", "in.txt", "--verbose", "-o", "out.txt", "--", "extra"]
print(args.script(), args.rest()); // expect: args.ml ["in.txt", "--verbose", "-o", "out.txt", "--", "extra"]
print(requiredCapabilities(args.all), requiredCapabilities(args.create_parser), getCapabilities()); // expect: [] [] []
a = args.all();
a.append("changed");
print(len(args.all())); // expect: 7
p = args.create_parser("tool", "Does things.");
print(typeof(p), isinstance(p, "ArgParser")); // expect: object true
print(p.add_flag("verbose", "v", "talk more")); // expect: null
print(p.add_option("output", "o", "where to write", "stdout.txt")); // expect: null
print(p.add_positional("input", "the input file", true)); // expect: null
r = p.parse();
print(typeof(r), isinstance(r, "ParsedArgs")); // expect: object true
print(r.get("input"), r.get("output"), r.get_bool("verbose"), r.positionals()); // expect: in.txt out.txt true ["in.txt", "extra"]
print(r.flags(), r.options()); // expect: {"help": false, "verbose": true} {"output": "out.txt"}
try { args.all(1); } except (e) { print(e.type); } // expect: TypeError
try { args.create_parser(1); } except (e) { print(e.type); } // expect: TypeError
