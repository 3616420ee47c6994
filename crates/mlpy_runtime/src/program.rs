//! A loaded program: the compiled main file, its ML modules and its import statements.

use std::rc::Rc;

use crate::bytecode::CodeObject;

/// Everything the VM runs. Built by the loader once every file is parsed, checked and
/// compiled (spec §1.3: nothing runs unless every file is accepted).
pub struct Program {
    pub main: Rc<CodeObject>,
    pub modules: Vec<ModuleInfo>,
    /// Every `import` statement of the program, indexed by the `Import` instruction.
    pub imports: Vec<ImportSpec>,
}

/// An ML module file (spec §13).
pub struct ModuleInfo {
    /// The dotted import name (`geometry`, `a.b.c`).
    pub name: String,
    /// Absolute, normalised path of the file.
    pub path: std::path::PathBuf,
    pub code: Rc<CodeObject>,
}

/// One `import` statement.
pub struct ImportSpec {
    /// Index into `Program::modules` (unused for a standard module).
    pub module: usize,
    /// The standard module imported (`math`), or `None` for an ML module.
    pub standard: Option<&'static str>,
    /// The dotted name's components.
    pub path: Vec<String>,
    /// Whether the statement has `as alias` (binds the module itself).
    pub alias: bool,
    /// The importing file (namespaces of dotted imports are shared per file).
    pub file: String,
}
