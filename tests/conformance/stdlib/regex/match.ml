// §12.7 regex: Match methods, named groups, groups that did not take part, and the errors
import regex;
m = regex.search("(?P<user>\w+)@(?P<host>\w+)(\.com)?", "mail: ann@example now");
print(m.group(), m.group(0), m.group(1), m.group("host"), m.group(3)); // expect: ann@example ann@example ann example null
print(m.groups(), m.groupDict(), m.groupDict("-")); // expect: ["ann", "example", null] {"user": "ann", "host": "example"} {"user": "ann", "host": "example"}
print(m.start(), m.end(), m.span(), m.start(2), m.end("user"), m.span("host")); // expect: 6 17 [6, 17] 10 9 [10, 17]
print(m.start(3), m.end(3), m.span(3)); // expect: null null null
print(m.value(), m.groupCount(), m.lastGroup()); // expect: ann@example 3 host
print(m.toString()); // expect: Match(value="ann@example", span=[6, 17])
print(regex.search("a(b)?", "ac").groupDict(), regex.search("(?P<x>a)(?P<y>b)?", "ac").groupDict(0)); // expect: {} {"x": "a", "y": 0}
// lastGroup: the name of the group that closed last, null when it has no name.
print(regex.match("(?P<a>x)(y)", "xy").lastGroup(), regex.match("(?P<a>x)(?P<b>y)", "xy").lastGroup(), regex.match("((?P<in>x))", "x").lastGroup(), regex.match("x", "x").lastGroup()); // expect: null b null null
// expand: group references in a template.
print(m.expand("\2 <- \1"), m.expand("\g<host>/\g<1>\n!"), m.expand("[\3]")); // expect: example <- ann example/ann
// expect: ! []
// Code points, not bytes.
n = regex.search("(é+)(ü)", "aaéé\u{1F600}éü");
print(n.span(), n.span(1), n.start(2), n.toString()); // expect: [5, 7] [5, 6] 6 Match(value="éü", span=[5, 7])
print(regex.search("\u{1F600}", "a\u{1F600}b").span(), regex.search("b", "a\u{1F600}b").start()); // expect: [1, 2] 2
print(regex.search("\n", "a\nb").toString()); // expect: Match(value="\n", span=[1, 2])
// A group that does not exist: IndexError; a group argument of another kind: TypeError.
for (g in [4, -1, "nope"]) {
    try { m.group(g); } except (e) { print(e.type); }
}
// expect: IndexError
// expect: IndexError
// expect: IndexError
try { m.span(9); } except (e) { print(e.type, e.message); }
// expect: IndexError `Match.span`: no such group 9 (the pattern "(?P<user>\\w+)@(?P<host>\\w+)(\\.com)?" has 3 group(s), named user, host)
try { m.start("x"); } except (e) { print(e.type); }
// expect: IndexError
try { m.group(1.5); } except (e) { print(e.type); }
// expect: TypeError
try { m.expand("\g<zz>"); } except (e) { print(e.type); }
// expect: IndexError
try { m.expand("\q"); } except (e) { print(e.type); }
// expect: ValueError
print(typeof(m), isinstance(m, "Match"), m, [m]); // expect: object true <Match> [<Match>]
