//! `import`: running a module's top level once and binding it (or a namespace of
//! dotted names) into the importing frame.

use crate::error::{runtime_error, Result};
use crate::hooks::Hooks;
use crate::value::{Closure, Upvalues, Value};
use crate::vm::{FrameKind, Vm};

use super::calls::recursion_error;

impl Vm {
    /// Runs `import` number `idx`; returns true when the module's top level was started
    /// (a frame was pushed).
    pub(super) fn import<H: Hooks>(&mut self, idx: u16, dst: usize) -> Result<bool> {
        let spec = &self.program.imports[idx as usize];
        if let Some(name) = spec.standard {
            let module = match self.std_modules.iter().find(|m| m.name == name) {
                Some(m) => m.clone(),
                None => {
                    let m = crate::stdlib::build(name).ok_or_else(|| {
                        runtime_error(format!("the standard module `{name}` is not available"))
                    })?;
                    self.std_modules.push(m.clone());
                    m
                }
            };
            self.stack[dst] = Value::Module(module);
            return Ok(false);
        }
        let module = spec.module;
        if self.modules[module].object.is_some() {
            self.finish_import(idx, dst);
            return Ok(false);
        }
        let info = &self.program.modules[module];
        let code = info.code.clone();
        let name = info.name.clone();
        if self.frames.len() >= self.limits.max_depth {
            return Err(recursion_error(self.limits.max_depth));
        }
        let closure = Closure::new(code.clone(), Upvalues::none());
        let top = self.frame_top();
        if H::ENABLED {
            H::enter_function(self, &code);
        }
        self.push_frame(closure, top + 1, FrameKind::Import { import: idx, dst });
        let object = crate::value::Module::new(name);
        for &r in code.cells() {
            if let Value::Cell(cell) = &self.stack[top + 1 + r as usize] {
                let var = code.local_names().get(r as usize).cloned().unwrap_or_default();
                object.add(&var, crate::value::ModuleMember::Variable(cell.clone()));
            }
        }
        self.modules[module].object = Some(object);
        Ok(true)
    }

    /// Binds the module of import `idx` (now loaded) into the absolute slot `dst`.
    pub(super) fn finish_import(&mut self, idx: u16, dst: usize) {
        let spec = &self.program.imports[idx as usize];
        let Some(module) = self.modules[spec.module].object.clone() else { return };
        let value = if spec.alias || spec.path.len() == 1 {
            Value::Module(module)
        } else {
            let key = (spec.file.clone(), spec.path[0].clone());
            let root = self
                .namespaces
                .entry(key)
                .or_insert_with(|| crate::value::Module::new(spec.path[0].clone()))
                .clone();
            let mut ns = root.clone();
            for (i, part) in spec.path.iter().enumerate().skip(1) {
                let last = i == spec.path.len() - 1;
                let existing = ns.get(part);
                let next = match existing {
                    Some(Value::Module(m)) if !last => m,
                    _ if last => {
                        ns.add(
                            part,
                            crate::value::ModuleMember::Value(Value::Module(module.clone())),
                        );
                        break;
                    }
                    _ => {
                        let dotted = spec.path[..=i].join(".");
                        let m = crate::value::Module::new(dotted);
                        ns.add(part, crate::value::ModuleMember::Value(Value::Module(m.clone())));
                        m
                    }
                };
                ns = next;
            }
            Value::Module(root)
        };
        self.stack[dst] = value;
    }
}
