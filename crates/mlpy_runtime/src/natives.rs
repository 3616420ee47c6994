//! Functions implemented in Rust: the builtins (spec §11), the standard modules (§12)
//! and the methods of library objects.
//!
//! # One declaration per native
//!
//! Every native is declared once, as a [`NativeDecl`]: its name, its parameters (each
//! with the kinds of value it accepts and whether it is required, optional — with the
//! default shown by `help` — or a rest parameter), the capabilities a call can need, a
//! one-line description, and the implementation. Everything else follows from it:
//!
//! * argument checking: the number of arguments and the kind of each is checked by
//!   [`NativeDecl::check_args`] before the implementation runs, with one wording of the
//!   errors for every native (`` `math.sqrt` expects a number for `x`, got string ``);
//!   the implementation still checks values (a negative count: `ValueError`);
//! * `help(f)` (the signature, the description, the capabilities), `module_info`,
//!   `requiredCapabilities(f)`, the profiler's qualified name (`file.read`) and the list
//!   of standard modules (`stdlib::MODULES`).
//!
//! The capability *check* itself is made by the implementation through the gate
//! (`Vm::check_path` and friends, `vm/gate.rs`) with the resource it is about to touch,
//! before any effect; a test calls every native that declares a capability under an
//! empty policy and expects `CapabilityError`.
//!
//! Optional arguments: a builtin (§11.1) treats an optional argument given as `null` as
//! omitted; a module function (§12.1) receives `null` as a value, so its parameter must
//! accept null (`Kinds::NULL`) for `null` to pass the check.

use std::fmt::Write as _;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use mlpy_sandbox::Capability;

use crate::error::Result;
use crate::value::{Array, Str, Value};
use crate::vm::Vm;

/// A plain native: `(vm, args) -> result`.
pub type NativeFn = fn(&mut Vm, &[Value]) -> Result<Value>;
/// A native made at run time that carries values (`functional.compose(f, g)`).
pub type NativeDataFn = fn(&mut Vm, &[Value], &[Value]) -> Result<Value>;
/// A method of a library object: `(vm, receiver, args) -> result`.
pub type MethodFn = fn(&mut Vm, &Value, &[Value]) -> Result<Value>;
/// A string method (spec §10.1): `(receiver, args) -> result`.
pub type StrMethodFn = fn(&Rc<Str>, &[Value]) -> Result<Value>;
/// An array method (spec §10.2): `(receiver, args) -> result`.
pub type ArrayMethodFn = fn(&Rc<Array>, &[Value]) -> Result<Value>;

// ----- kinds of values a parameter accepts --------------------------------------------

/// A set of value kinds, one bit each: what a parameter accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kinds(u16);

impl Kinds {
    pub const NULL: Kinds = Kinds(1 << 0);
    pub const BOOL: Kinds = Kinds(1 << 1);
    /// Ints of any size.
    pub const INT: Kinds = Kinds(1 << 2);
    pub const FLOAT: Kinds = Kinds(1 << 3);
    pub const STR: Kinds = Kinds(1 << 4);
    pub const ARRAY: Kinds = Kinds(1 << 5);
    /// Objects, error objects included.
    pub const OBJECT: Kinds = Kinds(1 << 6);
    /// ML functions, natives and bound methods.
    pub const FUNCTION: Kinds = Kinds(1 << 7);
    pub const MODULE: Kinds = Kinds(1 << 8);
    /// The `Iterator` library object.
    pub const ITERATOR: Kinds = Kinds(1 << 9);
    /// Every other library object (`HttpResponse`, `ArgParser`, …).
    pub const LIBRARY: Kinds = Kinds(1 << 10);

    pub const NUMBER: Kinds = Kinds::INT.or(Kinds::FLOAT);
    /// What `for … in` accepts.
    pub const ITERABLE: Kinds = Kinds::STR.or(Kinds::ARRAY).or(Kinds::OBJECT).or(Kinds::ITERATOR);
    pub const ANY: Kinds = Kinds((1 << 11) - 1);

    pub const fn or(self, other: Kinds) -> Kinds {
        Kinds(self.0 | other.0)
    }

    /// The kind bit of `v`.
    #[inline]
    pub fn of(v: &Value) -> Kinds {
        match v {
            Value::Null | Value::Uninit => Kinds::NULL,
            Value::Bool(_) => Kinds::BOOL,
            Value::Int(_) | Value::BigInt(_) => Kinds::INT,
            Value::Float(_) => Kinds::FLOAT,
            Value::Str(_) => Kinds::STR,
            Value::Array(_) => Kinds::ARRAY,
            Value::Object(_) => Kinds::OBJECT,
            Value::Function(_) | Value::Native(_) | Value::Bound(_) => Kinds::FUNCTION,
            Value::Module(_) => Kinds::MODULE,
            Value::Iterator(_) => Kinds::ITERATOR,
            Value::Library(_) => Kinds::LIBRARY,
            Value::Cell(_) | Value::Raised(_) => Kinds::NULL,
        }
    }

    #[inline]
    pub fn accepts(self, v: &Value) -> bool {
        self.0 & Kinds::of(v).0 != 0
    }

    pub fn contains(self, other: Kinds) -> bool {
        self.0 & other.0 == other.0
    }

    /// "a number", "a string or an array", "any value" (for error messages and `help`).
    pub fn describe(self) -> String {
        if self.contains(Kinds::ANY) {
            return "any value".to_owned();
        }
        const NAMES: &[(Kinds, &str)] = &[
            (Kinds::NUMBER, "a number"),
            (Kinds::INT, "an int"),
            (Kinds::FLOAT, "a float"),
            (Kinds::BOOL, "a boolean"),
            (Kinds::STR, "a string"),
            (Kinds::ARRAY, "an array"),
            (Kinds::OBJECT, "an object"),
            (Kinds::FUNCTION, "a function"),
            (Kinds::MODULE, "a module"),
            (Kinds::ITERATOR, "an Iterator"),
            (Kinds::LIBRARY, "a library object"),
            (Kinds::NULL, "null"),
        ];
        let mut rest = self;
        let mut parts = Vec::new();
        if rest.contains(Kinds::ITERABLE) {
            parts.push("an iterable");
            rest = Kinds(rest.0 & !Kinds::ITERABLE.0);
        }
        for &(k, name) in NAMES {
            if rest.contains(k) {
                parts.push(name);
                rest = Kinds(rest.0 & !k.0);
            }
        }
        match parts.len() {
            0 => "nothing".to_owned(),
            1 => parts[0].to_owned(),
            n => format!("{} or {}", parts[..n - 1].join(", "), parts[n - 1]),
        }
    }
}

// ----- parameters and declarations ----------------------------------------------------

/// Whether an argument must be given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arity {
    Required,
    /// May be omitted; the text is the default as `help` shows it (`"10"`, `"null"`);
    /// `""` when the default is described in words in the doc (`[, mode]`).
    Optional(&'static str),
    /// Takes every remaining argument (zero or more); only the last parameter.
    Rest,
}

/// One parameter of a native.
#[derive(Clone, Copy, Debug)]
pub struct Param {
    pub name: &'static str,
    pub accepts: Kinds,
    pub arity: Arity,
}

/// A required parameter.
pub const fn req(name: &'static str, accepts: Kinds) -> Param {
    Param { name, accepts, arity: Arity::Required }
}

/// An optional parameter whose default `help` shows as `default`.
pub const fn opt(name: &'static str, accepts: Kinds, default: &'static str) -> Param {
    Param { name, accepts, arity: Arity::Optional(default) }
}

/// A rest parameter: every remaining argument, each of the kinds `accepts`.
pub const fn rest(name: &'static str, accepts: Kinds) -> Param {
    Param { name, accepts, arity: Arity::Rest }
}

/// How a native is implemented.
#[derive(Clone, Copy)]
pub enum Imp {
    Function(NativeFn),
    /// A method of a library object (the receiver is passed apart from the arguments).
    Method(MethodFn),
    /// A string method.
    StrMethod(StrMethodFn),
    /// An array method.
    ArrayMethod(ArrayMethodFn),
}

/// The declaration of a native function or method: see the module documentation.
pub struct NativeDecl {
    pub name: &'static str,
    pub params: &'static [Param],
    /// The capabilities a call can need (spec §14.6 `requiredCapabilities`).
    pub capabilities: &'static [Capability],
    /// One line: what it returns or does (the signature is made from `params`).
    pub doc: &'static str,
    pub imp: Imp,
    /// The least and most arguments (`usize::MAX`: a rest parameter), made from `params`
    /// by the constructors.
    min_args: usize,
    max_args: usize,
}

/// The least and most arguments `params` take (`usize::MAX`: no upper bound).
const fn count_range(params: &[Param]) -> (usize, usize) {
    let mut min = 0;
    let mut i = 0;
    while i < params.len() {
        if matches!(params[i].arity, Arity::Required) {
            min += 1;
        }
        i += 1;
    }
    let rest = !params.is_empty() && matches!(params[params.len() - 1].arity, Arity::Rest);
    (min, if rest { usize::MAX } else { params.len() })
}

impl NativeDecl {
    /// A declaration (the constructors below name the kind of implementation).
    pub const fn new(
        name: &'static str,
        params: &'static [Param],
        capabilities: &'static [Capability],
        doc: &'static str,
        imp: Imp,
    ) -> NativeDecl {
        let (min_args, max_args) = count_range(params);
        NativeDecl { name, params, capabilities, doc, imp, min_args, max_args }
    }

    /// A function that needs no capability.
    pub const fn function(
        name: &'static str,
        params: &'static [Param],
        doc: &'static str,
        f: NativeFn,
    ) -> NativeDecl {
        NativeDecl::new(name, params, &[], doc, Imp::Function(f))
    }

    /// A method of a library object.
    pub const fn method(
        name: &'static str,
        params: &'static [Param],
        doc: &'static str,
        f: MethodFn,
    ) -> NativeDecl {
        NativeDecl::new(name, params, &[], doc, Imp::Method(f))
    }

    /// A string method (spec §10.1).
    pub const fn str_method(
        name: &'static str,
        params: &'static [Param],
        doc: &'static str,
        f: StrMethodFn,
    ) -> NativeDecl {
        NativeDecl::new(name, params, &[], doc, Imp::StrMethod(f))
    }

    /// An array method (spec §10.2).
    pub const fn array_method(
        name: &'static str,
        params: &'static [Param],
        doc: &'static str,
        f: ArrayMethodFn,
    ) -> NativeDecl {
        NativeDecl::new(name, params, &[], doc, Imp::ArrayMethod(f))
    }

    /// The same declaration, needing `capabilities`.
    pub const fn needs(self, capabilities: &'static [Capability]) -> NativeDecl {
        NativeDecl { capabilities, ..self }
    }

    /// `name(a, b[, c=10], rest...)`.
    pub fn signature(&self) -> String {
        let mut out = format!("{}(", self.name);
        let mut opened = 0;
        for (i, p) in self.params.iter().enumerate() {
            let sep = if i == 0 { "" } else { ", " };
            match p.arity {
                Arity::Required => {
                    let _ = write!(out, "{sep}{}", p.name);
                }
                Arity::Optional("") => {
                    let _ = write!(out, "[{sep}{}", p.name);
                    opened += 1;
                }
                Arity::Optional(default) => {
                    let _ = write!(out, "[{sep}{}={default}", p.name);
                    opened += 1;
                }
                Arity::Rest => {
                    let _ = write!(out, "{sep}{}...", p.name);
                }
            }
        }
        out.push_str(&"]".repeat(opened));
        out.push(')');
        out
    }

    /// Checks the number and kinds of `args` against the parameters; `qualified` names
    /// the native in the errors (`math.sqrt`). `null_omits` makes an optional argument
    /// given as `null` count as omitted (builtins, §11.1).
    ///
    /// The fast path is two compares for the count and a bitmask test per argument; the
    /// rest (a `null` that counts as omitted, the errors) is out of line.
    #[inline]
    pub fn check_args(&self, qualified: &str, args: &[Value], null_omits: bool) -> Result<()> {
        let n = args.len();
        if n < self.min_args || n > self.max_args {
            return Err(self.count_error(qualified, n));
        }
        // Past the count check, an argument beyond the parameters is a rest argument.
        let last = self.params.len().wrapping_sub(1);
        for (i, a) in args.iter().enumerate() {
            if let Some(p) = self.params.get(i.min(last)) {
                if !p.accepts.accepts(a) {
                    self.mismatch(qualified, p, a, null_omits)?;
                }
            }
        }
        Ok(())
    }

    /// An argument `a` of a kind `p` does not accept: an error, unless it is a `null`
    /// that counts as omitted.
    #[cold]
    #[inline(never)]
    fn mismatch(&self, qualified: &str, p: &Param, a: &Value, null_omits: bool) -> Result<()> {
        let omitted =
            null_omits && matches!(p.arity, Arity::Optional(_)) && matches!(a, Value::Null);
        if omitted {
            return Ok(());
        }
        Err(self.kind_error(qualified, p, a))
    }

    /// The least and most arguments (`usize::MAX`: no upper bound).
    pub fn arity_range(&self) -> (usize, usize) {
        (self.min_args, self.max_args)
    }

    #[cold]
    #[inline(never)]
    fn count_error(&self, qualified: &str, n: usize) -> crate::error::RuntimeError {
        let (min, max) = self.arity_range();
        arity_error(qualified, n, min, max)
    }

    #[cold]
    #[inline(never)]
    fn kind_error(&self, qualified: &str, p: &Param, got: &Value) -> crate::error::RuntimeError {
        crate::error::type_error(format!(
            "`{qualified}` expects {} for `{}`, got {}",
            p.accepts.describe(),
            p.name,
            got.type_name()
        ))
    }

    /// The text `help` shows: signature, description, capabilities.
    pub fn help(&self, qualified_prefix: Option<&str>) -> String {
        let mut out = String::new();
        if let Some(m) = qualified_prefix {
            let _ = write!(out, "{m}.");
        }
        let _ = write!(out, "{}: {}", self.signature(), self.doc);
        for p in self.params {
            if !p.accepts.contains(Kinds::ANY) {
                let _ = write!(out, "\n  {}: {}", p.name, p.accepts.describe());
            }
        }
        if self.capabilities.is_empty() {
            out.push_str("\nrequires no capabilities");
        } else {
            let names: Vec<&str> = self.capabilities.iter().map(|c| c.name()).collect();
            let _ = write!(out, "\nrequires: {}", names.join(", "));
        }
        out
    }
}

// ----- function values ----------------------------------------------------------------

#[derive(Clone)]
pub enum NativeImpl {
    /// A declared native: a builtin or a module function.
    Declared(&'static NativeDecl),
    /// A function made at run time by a library function, with the values it carries.
    WithData(NativeDataFn, Rc<crate::value::NativeData>),
}

/// A function implemented in Rust, as a value.
pub struct NativeFunction {
    /// `print`, `sqrt`; `anonymous` for functions made by library functions.
    pub name: &'static str,
    /// The standard module it belongs to (`math`), if any.
    pub module: Option<&'static str>,
    pub imp: NativeImpl,
    /// A number no other native function of the process has, dense (assigned in order of
    /// creation): profilers keep their ids of natives in tables indexed by it.
    pub index: u32,
}

static NEXT_INDEX: AtomicU32 = AtomicU32::new(0);

fn next_index() -> u32 {
    NEXT_INDEX.fetch_add(1, Ordering::Relaxed)
}

impl NativeFunction {
    /// The function value of a declared builtin (`module` `None`) or module function.
    pub fn declared(module: Option<&'static str>, decl: &'static NativeDecl) -> Rc<NativeFunction> {
        debug_assert!(matches!(decl.imp, Imp::Function(_)), "{} is a method", decl.name);
        Rc::new(NativeFunction {
            name: decl.name,
            module,
            imp: NativeImpl::Declared(decl),
            index: next_index(),
        })
    }

    /// A function made by the library function `maker` (`functional.compose`), carrying
    /// `data`.
    pub fn made(module: &'static str, f: NativeDataFn, data: Vec<Value>) -> Rc<NativeFunction> {
        Rc::new(NativeFunction {
            name: "anonymous",
            module: Some(module),
            // Counted toward the memory limit with the function (`NativeData`).
            imp: NativeImpl::WithData(f, crate::value::NativeData::new(data)),
            index: next_index(),
        })
    }

    /// The declaration, for a declared native.
    pub fn decl(&self) -> Option<&'static NativeDecl> {
        match self.imp {
            NativeImpl::Declared(d) => Some(d),
            NativeImpl::WithData(..) => None,
        }
    }

    /// The capabilities a call can need (none for functions made at run time: what they
    /// call is checked when it is called).
    pub fn capabilities(&self) -> &'static [Capability] {
        self.decl().map_or(&[], |d| d.capabilities)
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

    /// The text of `help(f)`.
    pub fn help(&self) -> String {
        match self.decl() {
            Some(d) => d.help(self.module),
            None => format!(
                "anonymous: a function made by the {} module",
                self.module.unwrap_or("builtin")
            ),
        }
    }

    #[inline]
    pub fn call(&self, vm: &mut Vm, args: &[Value]) -> Result<Value> {
        match &self.imp {
            NativeImpl::Declared(decl) => {
                if let Err(e) = decl.check_args(self.name, args, self.module.is_none()) {
                    return Err(self.qualify(e));
                }
                match decl.imp {
                    Imp::Function(f) => f(vm, args),
                    Imp::Method(_) | Imp::StrMethod(_) | Imp::ArrayMethod(_) => {
                        unreachable!("a method is never a function value")
                    }
                }
            }
            NativeImpl::WithData(f, data) => f(vm, data, args),
        }
    }

    /// Argument errors are built with the bare name (no allocation on the fast path);
    /// a module function's are reworded with its qualified name.
    #[cold]
    #[inline(never)]
    fn qualify(&self, e: crate::error::RuntimeError) -> crate::error::RuntimeError {
        match self.module {
            None => e,
            Some(m) => {
                let msg = e.message().replacen(
                    &format!("`{}`", self.name),
                    &format!("`{m}.{}`", self.name),
                    1,
                );
                crate::error::RuntimeError::new(e.kind(), msg)
            }
        }
    }
}

// ----- argument helpers for natives ---------------------------------------------------

/// Checks that a native named `func` got between `min` and `max` arguments
/// (`usize::MAX` for no upper bound); otherwise a `TypeError` naming the function.
pub fn check_arity(func: &str, args: &[Value], min: usize, max: usize) -> Result<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    Err(arity_error(func, n, min, max))
}

#[cold]
fn arity_error(func: &str, n: usize, min: usize, max: usize) -> crate::error::RuntimeError {
    let plural = |k: usize| if k == 1 { "argument" } else { "arguments" };
    let expected = if min == max {
        if min == 0 {
            "no arguments".to_owned()
        } else {
            format!("exactly {min} {}", plural(min))
        }
    } else if max == usize::MAX || n < min {
        format!("at least {min} {}", plural(min))
    } else {
        format!("at most {max} {}", plural(max))
    };
    let given = if n == 1 { "was" } else { "were" };
    crate::error::type_error(format!("`{func}` takes {expected} but {n} {given} given"))
}

/// The optional argument at `idx`: `None` when it is missing or `null` (spec §11.1).
pub fn optional(args: &[Value], idx: usize) -> Option<&Value> {
    match args.get(idx) {
        None | Some(Value::Null) => None,
        Some(v) => Some(v),
    }
}

/// A `TypeError` for an argument of the wrong kind: "`func` expects WHAT, got KIND".
#[cold]
pub fn kind_error(func: &str, expected: &str, got: &Value) -> crate::error::RuntimeError {
    crate::error::type_error(format!("`{func}` expects {expected}, got {}", got.type_name()))
}

/// An int argument as `i64` (huge ints are clamped to the `i64` range); booleans and
/// every other kind raise a `TypeError` naming `func` and `what` ("an int …").
pub fn int_arg(func: &str, what: &str, v: &Value) -> Result<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::BigInt(b) => Ok(crate::ops::bigint_to_i64_clamped(b)),
        other => Err(kind_error(func, what, other)),
    }
}

/// A string argument; every other kind raises a `TypeError` naming `func` and `what`.
pub fn str_arg<'a>(func: &str, what: &str, v: &'a Value) -> Result<&'a str> {
    match v {
        Value::Str(s) => Ok(s.as_str()),
        other => Err(kind_error(func, what, other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nop(_: &mut Vm, _: &[Value]) -> Result<Value> {
        Ok(Value::Null)
    }

    static LOG: NativeDecl = NativeDecl::function(
        "log",
        &[req("x", Kinds::NUMBER), opt("base", Kinds::NUMBER, "10")],
        "the logarithm of x in base",
        nop,
    );
    static JOIN: NativeDecl = NativeDecl::function(
        "join",
        &[req("a", Kinds::STR), rest("parts", Kinds::STR)],
        "joined",
        nop,
    );

    fn err(decl: &NativeDecl, args: &[Value], null_omits: bool) -> String {
        decl.check_args(decl.name, args, null_omits).unwrap_err().message().to_owned()
    }

    #[test]
    fn arguments_are_counted_and_kinded_from_the_declaration() {
        assert!(LOG.check_args("log", &[Value::Int(1)], false).is_ok());
        assert!(LOG.check_args("log", &[Value::Int(1), Value::Float(2.0)], false).is_ok());
        assert_eq!(err(&LOG, &[], false), "`log` takes at least 1 argument but 0 were given");
        assert_eq!(
            err(&LOG, &[Value::Int(1), Value::Int(2), Value::Int(3)], false),
            "`log` takes at most 2 arguments but 3 were given"
        );
        assert_eq!(
            err(&LOG, &[Value::str("x")], false),
            "`log` expects a number for `x`, got string"
        );
        assert_eq!(
            err(&LOG, &[Value::Int(1), Value::Null], false),
            "`log` expects a number for `base`, got null"
        );
        assert!(LOG.check_args("log", &[Value::Int(1), Value::Null], true).is_ok());
        assert_eq!(
            err(&LOG, &[Value::Bool(true)], false),
            "`log` expects a number for `x`, got boolean"
        );
        assert!(JOIN.check_args("join", &[Value::str("a")], false).is_ok());
        assert!(JOIN
            .check_args("join", &[Value::str("a"), Value::str("b"), Value::str("c")], false)
            .is_ok());
        assert_eq!(
            err(&JOIN, &[Value::str("a"), Value::str("b"), Value::Int(3)], false),
            "`join` expects a string for `parts`, got int"
        );
    }

    #[test]
    fn signatures_and_kind_descriptions() {
        assert_eq!(LOG.signature(), "log(x[, base=10])");
        assert_eq!(JOIN.signature(), "join(a, parts...)");
        static DESCRIBED: NativeDecl = NativeDecl::function(
            "tri",
            &[req("low", Kinds::NUMBER), opt("mode", Kinds::NUMBER, "")],
            "t",
            nop,
        );
        assert_eq!(DESCRIBED.signature(), "tri(low[, mode])");
        assert_eq!(Kinds::NUMBER.or(Kinds::NULL).describe(), "a number or null");
        assert_eq!(
            Kinds::STR.or(Kinds::ARRAY).or(Kinds::NULL).describe(),
            "a string, an array or null"
        );
        assert_eq!(Kinds::ITERABLE.describe(), "an iterable");
        assert_eq!(Kinds::ANY.describe(), "any value");
        assert_eq!(LOG.arity_range(), (1, 2));
        assert_eq!(JOIN.arity_range(), (1, usize::MAX));
    }
}
