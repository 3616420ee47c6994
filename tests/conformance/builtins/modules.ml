// §11.10 modules() lists the loaded modules and always includes builtin; has_module and module_info
print(modules()); // expect: ["builtin"]
print(has_module("math"), has_module("json"), has_module("no_such_module_xyz")); // expect: true true false
info = module_info("math");
print(info.name, info.type, info.file_path, info.loaded, typeof(info.functions), keys(info)); // expect: math standard null false array ["name", "type", "file_path", "loaded", "functions"]
print(module_info("no_such_module_xyz")); // expect: null
// The standard modules listed are those `import` can load: a sorted subset of the 16 of
// §12.1 (all 16 once every one is provided), each with has_module true; the others false.
std = available_modules("standard");
spec = ["args", "collections", "console", "crypto", "csv", "datetime", "env", "file", "functional", "http", "json", "log", "math", "path", "random", "regex"];
listed_ok = std == sorted(std) && std.count("math") == 1;
for (m in spec) {
    if (has_module(m) != (std.count(m) == 1)) { listed_ok = false; }
}
for (m in std) {
    if (spec.count(m) != 1) { listed_ok = false; }
}
print(listed_ok); // expect: true
try {
    available_modules("python_bridge");
} except (e) {
    print(e.type);
}
// expect: ValueError
print(modules()); // expect: ["builtin"]
