// §11.10 modules() lists the loaded modules and always includes builtin; has_module and module_info
print(modules()); // expect: ["builtin"]
print(has_module("math"), has_module("json"), has_module("no_such_module_xyz")); // expect: true true false
info = module_info("math");
print(info.name, info.type, info.file_path, info.loaded, typeof(info.functions), keys(info)); // expect: math standard null false array ["name", "type", "file_path", "loaded", "functions"]
print(module_info("no_such_module_xyz")); // expect: null
print(available_modules("standard")); // expect: ["args", "collections", "console", "crypto", "csv", "datetime", "env", "file", "functional", "http", "json", "log", "math", "path", "random", "regex"]
try {
    available_modules("python_bridge");
} except (e) {
    print(e.type);
}
// expect: ValueError
print(modules()); // expect: ["builtin"]
