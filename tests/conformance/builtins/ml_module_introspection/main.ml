// §11.10 available_modules, has_module and module_info for ML modules in the main file's directory
print(available_modules("ml")); // expect: ["helper", "other"]
print(available_modules()); // expect: ["args", "collections", "console", "crypto", "csv", "datetime", "env", "file", "functional", "helper", "http", "json", "log", "math", "other", "path", "random", "regex"]
print(has_module("helper"), has_module("other"), has_module("missing")); // expect: true true false
info = module_info("helper");
print(info.name, info.type, info.loaded, info.functions); // expect: helper ml false ["alpha", "beta"]
print(typeof(info.file_path), info.file_path.endswith("helper.ml"), info.file_path.startswith("/")); // expect: string true true
print(modules()); // expect: ["builtin"]
