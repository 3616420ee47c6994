// §11.10 modules, available_modules, has_module and module_info with ML modules
print(modules()); // expect: ["builtin"]
print(has_module("helper"), has_module("unused"), has_module("lib.tools"), has_module("missing"), has_module("main")); // expect: true true true false false
info = module_info("helper");
print(info.name, info.type, info.loaded, info.functions, keys(info)); // expect: helper ml false ["twice"] ["name", "type", "file_path", "loaded", "functions"]
print(typeof(info.file_path), info.file_path.endswith("helper.ml")); // expect: string true
import helper;
print(modules()); // expect: ["builtin", "helper"]
info = module_info("helper");
print(info.loaded, info.functions); // expect: true ["double", "twice"]
u = module_info("unused");
print(u.type, u.loaded, u.functions, u.file_path.endswith("unused.ml")); // expect: ml false ["alpha", "beta"] true
print(module_info("lib.tools").functions, module_info("missing"), module_info("lib")); // expect: ["tool"] null null
m = module_info("math");
print(m.type, m.file_path, m.loaded, typeof(m.functions)); // expect: standard null false array
print(available_modules("ml")); // expect: ["helper", "unused"]
print(len(available_modules("standard")), available_modules("standard")[0], available_modules("standard")[15]); // expect: 16 args regex
print(available_modules() == sorted(available_modules("standard") + available_modules("ml")), available_modules(null) == available_modules()); // expect: true true
print(has_module("json"), has_module("string"), has_module(""), has_module("helper.ml"), has_module("..helper")); // expect: true false false false false
function kind(f) {
    try {
        f();
        return "ok";
    } except (e) {
        return e.type;
    }
}
print(kind(fn() => available_modules("python")), kind(fn() => available_modules(1)), kind(fn() => has_module(null)), kind(fn() => module_info())); // expect: ValueError TypeError TypeError TypeError
print(kind(fn() => modules(1))); // expect: TypeError
