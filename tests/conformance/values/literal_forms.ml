// §4.7 literal forms: strings in JSON quoting inside containers and with repr
print(repr("hi"), repr(""), repr("a\"b"), repr("back\\slash")); // expect: "hi" "" "a\"b" "back\\slash"
print(repr("\x08\x0c"), repr("\b\f")); // expect: "\b\f" "\\b\\f"
print(["\n", "\r", "\t", "\x00", "\x1b"]); // expect: ["\n", "\r", "\t", "\u0000", "\u001b"]
print(["é", "日本", "😀", "'", "/"]); // expect: ["é", "日本", "😀", "'", "/"]
print({"a b": 1, "\"": 2, "": 3}); // expect: {"a b": 1, "\"": 2, "": 3}
print(repr(1), repr(2.0), repr(true), repr(null), repr([1, "a"]), repr({"k": "v"})); // expect: 1 2.0 true null [1, "a"] {"k": "v"}
print(repr(print), repr(builtin), repr(-0.0)); // expect: <function print> <module builtin> -0.0
print(str(["x"]), str({"k": ["y"]}), str("x")); // expect: ["x"] {"k": ["y"]} x
print([[["deep"]]], [{"k": ["v", {"n": null}]}]); // expect: [[["deep"]]] [{"k": ["v", {"n": null}]}]
print(repr(repr("q"))); // expect: "\"q\""
