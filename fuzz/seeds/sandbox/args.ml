import args;
p = args.create_parser("fuzz", "d");
p.add_flag("flag", "f", "a flag");
p.add_option("opt", "o", "an option", "x");
try { r = p.parse(); print(r.flags(), r.options(), r.positionals()); } except (e) { print(e.type); }
print(args.all(), args.script(), args.rest());
