p = {name: "Ada", age: 36}; // §16.10 Objects (the program is verbatim; line numbers are the specification's)
p.email = "ada@example.com";
print(p.name, p.missing, len(p), p["age"]);
print(keys(p), values(p));
{name, age} = p;
print(name, age);
q = p;
q.age = 37;
print(p.age, p == {email: "ada@example.com", age: 37, name: "Ada"});
o = {};
o[1] = "int";
o[1.0] = "float";
o[true] = "bool";
o["1"] = "string";
print(o, len(o));
try {
    v = p["phone"];
} except (e) {
    print(e.type);
}
// expect: Ada null 3 36
// expect: ["name", "age", "email"] ["Ada", 36, "ada@example.com"]
// expect: Ada 36
// expect: 37 true
// expect: {1: "float", true: "bool", "1": "string"} 3
// expect: KeyError
