//! Functions implemented in Rust: the builtins (spec §11), and later the standard library.

use std::cell::Cell;
use std::rc::Rc;

use crate::error::Result;
use crate::value::Value;
use crate::vm::Vm;

/// A plain native: `(vm, args) -> result`.
pub type NativeFn = fn(&mut Vm, &[Value]) -> Result<Value>;
/// A native made at run time that carries values (`functional.compose(f, g)`).
pub type NativeDataFn = fn(&mut Vm, &[Value], &[Value]) -> Result<Value>;

#[derive(Clone)]
pub enum NativeImpl {
    Plain(NativeFn),
    WithData(NativeDataFn, Rc<[Value]>),
}

/// A function implemented in Rust.
pub struct NativeFunction {
    /// `print`, `sqrt`.
    pub name: &'static str,
    /// The standard module it belongs to (`math`), if any.
    pub module: Option<&'static str>,
    pub imp: NativeImpl,
    /// The capabilities a call can need (spec §14.6 `requiredCapabilities`).
    pub capabilities: &'static [&'static str],
    /// One line for `help`: the parameters and the result.
    pub doc: &'static str,
    /// The id of this function in the profiler's function table.
    pub profile_id: Cell<u32>,
}

impl NativeFunction {
    pub fn new(name: &'static str, doc: &'static str, f: NativeFn) -> Rc<NativeFunction> {
        Rc::new(NativeFunction {
            name,
            module: None,
            imp: NativeImpl::Plain(f),
            capabilities: &[],
            doc,
            profile_id: Cell::new(u32::MAX),
        })
    }

    /// The name in the display form: `print`, `math.sqrt`, or `anonymous` for functions
    /// made by library functions.
    pub fn display_name(&self) -> String {
        match (&self.imp, self.module) {
            (NativeImpl::WithData(..), _) => "anonymous".to_owned(),
            (_, Some(m)) => format!("{m}.{}", self.name),
            (_, None) => self.name.to_owned(),
        }
    }

    pub fn call(&self, vm: &mut Vm, args: &[Value]) -> Result<Value> {
        match &self.imp {
            NativeImpl::Plain(f) => f(vm, args),
            NativeImpl::WithData(f, data) => f(vm, data, args),
        }
    }
}
