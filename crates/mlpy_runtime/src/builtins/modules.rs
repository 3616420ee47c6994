//! Module introspection builtins (spec §11.10): `modules`, `available_modules`,
//! `has_module`, `module_info`.
//!
//! ML modules are searched as `import` searches them (§13.2) from the main file: in the
//! main file's directory, then in the `--import-path` directories. The VM's `Program`
//! does not record the `--import-path` directories yet, so only the main file's
//! directory is searched on disk; modules the program imports (whichever directory they
//! were found in) are known from `Program::modules` and always count. The standard modules
//! listed are those `import` can load: `stdlib::MODULES`. A standard module name always
//! denotes the standard module (§13.1), so a file of that name is never an ML module, and
//! a standard module this version does not provide yet is not available at all.

use std::path::{Path, PathBuf};

use mlpy_syntax::ast::StmtKind;
use mlpy_syntax::token::TokenKind;
use mlpy_syntax::SourceFile;

use crate::builtins::STANDARD_MODULES;
use crate::dict::Dict;
use crate::error::{value_error, Result};
use crate::natives::{kind_error, optional};
use crate::value::Value;
use crate::vm::Vm;

fn string_array(mut names: Vec<String>) -> Value {
    names.sort();
    names.dedup();
    Value::array(names.into_iter().map(Value::string).collect())
}

pub(crate) fn modules(vm: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(string_array(vm.loaded_module_names()))
}

pub(crate) fn available_modules(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let (standard, ml) = match optional(args, 0) {
        None => (true, true),
        Some(Value::Str(s)) => match s.as_str() {
            "standard" => (true, false),
            "ml" => (false, true),
            other => {
                return Err(value_error(format!(
                    "`available_modules` kind must be \"standard\" or \"ml\", got {}",
                    crate::support::strings::quote_literal(other)
                )))
            }
        },
        Some(other) => return Err(kind_error("available_modules", "a string kind", other)),
    };
    let mut names = Vec::new();
    if standard {
        names.extend(crate::stdlib::available().map(str::to_owned));
    }
    if ml {
        names.extend(ml_module_names(vm));
    }
    Ok(string_array(names))
}

/// The module name argument of `has_module` / `module_info`.
fn module_name<'a>(func: &str, args: &'a [Value]) -> Result<&'a str> {
    match &args[0] {
        Value::Str(s) => Ok(s.as_str()),
        other => Err(kind_error(func, "a module name string", other)),
    }
}

pub(crate) fn has_module(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let name = module_name("has_module", args)?;
    Ok(Value::Bool(find_module(vm, name).is_some()))
}

pub(crate) fn module_info(vm: &mut Vm, args: &[Value]) -> Result<Value> {
    let name = module_name("module_info", args)?;
    let Some(found) = find_module(vm, name) else { return Ok(Value::Null) };
    let mut dict = Dict::with_capacity(5);
    dict.insert_str("name", Value::str(name));
    match found {
        Found::Standard => {
            dict.insert_str("type", Value::str("standard"));
            let loaded = vm.loaded_module_names().iter().any(|n| n == name);
            dict.insert_str("file_path", Value::Null);
            dict.insert_str("loaded", Value::Bool(loaded));
            // From the declaration.
            let functions = match crate::stdlib::declaration(name) {
                Some(decl) => decl.functions.iter().map(|f| f.name.to_owned()).collect(),
                None => Vec::new(),
            };
            dict.insert_str("functions", string_array(functions));
        }
        Found::Program(idx) => {
            let info = &vm.program().modules[idx];
            let path = info.path.display().to_string();
            let object = vm.modules.get(idx).and_then(|m| m.object.clone());
            let loaded = object.is_some();
            let functions = match object {
                Some(module) => module
                    .member_names()
                    .into_iter()
                    .filter(|n| module.get(n).is_some_and(|v| v.is_callable()))
                    .collect(),
                None => top_level_functions(info.code.file()),
            };
            dict.insert_str("type", Value::str("ml"));
            dict.insert_str("file_path", Value::string(path));
            dict.insert_str("loaded", Value::Bool(loaded));
            dict.insert_str("functions", string_array(functions));
        }
        Found::File(path) => {
            let functions = std::fs::read_to_string(&path)
                .map(|text| top_level_functions(&SourceFile::new(path.display().to_string(), text)))
                .unwrap_or_default();
            dict.insert_str("type", Value::str("ml"));
            dict.insert_str("file_path", Value::string(path.display().to_string()));
            dict.insert_str("loaded", Value::Bool(false));
            dict.insert_str("functions", string_array(functions));
        }
    }
    Ok(Value::object(dict))
}

// ----- search ------------------------------------------------------------------------------

/// Where `import NAME;` in the main file finds a module.
enum Found {
    Standard,
    /// A module of the program (index into `Program::modules`).
    Program(usize),
    /// A module file the program does not import.
    File(PathBuf),
}

fn find_module(vm: &Vm, name: &str) -> Option<Found> {
    if crate::stdlib::is_available(name) {
        return Some(Found::Standard);
    }
    if STANDARD_MODULES.contains(&name) {
        // `import regex;` denotes the standard module even beside a `regex.ml` (§13.1).
        return None;
    }
    let parts: Vec<&str> = name.split('.').collect();
    if !parts.iter().all(|p| is_identifier(p)) {
        return None;
    }
    let mut rel: PathBuf = parts.iter().collect();
    rel.set_extension("ml");
    let main = main_file(vm);
    let on_disk = search_dirs(vm)
        .into_iter()
        .map(|d| d.join(&rel))
        .find(|p| p.is_file())
        .map(|p| std::fs::canonicalize(&p).unwrap_or(p));
    let program = &vm.program().modules;
    if let Some(path) = on_disk {
        if main.as_ref() == Some(&path) {
            // `import main;` from the main file is an import cycle.
            return None;
        }
        return Some(match program.iter().position(|m| m.path == path) {
            Some(idx) => Found::Program(idx),
            None => Found::File(path),
        });
    }
    program.iter().position(|m| m.name == name).map(Found::Program)
}

/// The ML module names `available_modules("ml")` lists: `NAME.ml` files directly in the
/// search directories, and the undotted modules the program imports.
fn ml_module_names(vm: &Vm) -> Vec<String> {
    let main = main_file(vm);
    let mut names = Vec::new();
    for dir in search_dirs(vm) {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("ml") || !path.is_file() {
                continue;
            }
            let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else { continue };
            if !is_identifier(stem) || STANDARD_MODULES.contains(&stem) {
                continue;
            }
            let abs = std::fs::canonicalize(&path).unwrap_or(path.clone());
            if main.as_ref() == Some(&abs) {
                continue;
            }
            names.push(stem.to_owned());
        }
    }
    names.extend(
        vm.program().modules.iter().filter(|m| !m.name.contains('.')).map(|m| m.name.clone()),
    );
    names
}

/// The absolute path of the main file, when it can be resolved.
fn main_file(vm: &Vm) -> Option<PathBuf> {
    std::fs::canonicalize(vm.program().main.file().name()).ok()
}

/// The directories `import` searches from the main file (§13.2). The `--import-path`
/// directories are not known to the VM yet.
fn search_dirs(vm: &Vm) -> Vec<PathBuf> {
    let main = main_file(vm).unwrap_or_else(|| PathBuf::from(vm.program().main.file().name()));
    let dir = main.parent().map(Path::to_path_buf).unwrap_or_default();
    let dir = if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir };
    vec![dir]
}

/// Whether `s` is an identifier that can be written in an `import` (§2.3).
fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    let head_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    head_ok
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && TokenKind::keyword(s).is_none()
}

/// The names of the `function` statements at the top level of a module file.
fn top_level_functions(file: &SourceFile) -> Vec<String> {
    let parsed = mlpy_syntax::parse(file);
    parsed
        .module
        .body
        .iter()
        .filter_map(|stmt| match &stmt.kind {
            StmtKind::FunctionDef(f) => f.name.as_ref().map(|n| n.name.clone()),
            _ => None,
        })
        .collect()
}
