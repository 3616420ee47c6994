//! The standard modules written in Rust (spec §12).
//!
//! `import math;` binds a [`Module`] whose members are native functions (each named
//! `math.sqrt` in errors and profiles) and constants. A module is built the first time a
//! run imports it and shared by every later import. Each module file declares its
//! functions (`natives::NativeDecl`: parameters with kinds and defaults, one-line doc)
//! and constants in one `ModuleDecl`, listed in [`MODULES`]; argument checking, `help`,
//! `module_info` and the profiler's names follow from it. Importing a standard module
//! that is not provided yet is rejected before the program runs.
//!
//! * `stdlib/console.rs` — `console` (§12.2),
//! * `stdlib/math.rs` — `math` (§12.3),
//! * `stdlib/collections.rs` — `collections` (§12.4),
//! * `stdlib/functional.rs` — `functional` (§12.5),
//! * `stdlib/json.rs` — `json` (§12.6),
//! * `stdlib/regex.rs` — `regex` (§12.7),
//! * `stdlib/datetime.rs` — `datetime` (§12.8),
//! * `stdlib/random.rs` — `random` (§12.9),
//! * `stdlib/file.rs` — `file` (§12.10),
//! * `stdlib/path.rs` — `path` (§12.11),
//! * `stdlib/http.rs` — `http` (§12.12),
//! * `stdlib/args.rs` — `args` (§12.13),
//! * `stdlib/env.rs` — `env` (§12.14),
//! * `stdlib/crypto.rs` — `crypto` (§12.15),
//! * `stdlib/csv.rs` — `csv` (§12.16),
//! * `stdlib/log.rs` — `log` (§12.17).

use std::rc::Rc;

use crate::error::{overflow_error, value_error, Result};
use crate::natives::{int_arg, kind_error, NativeDecl, NativeFunction};
use crate::value::{Module, ModuleMember, Value};
use crate::vm::Vm;

/// The declaration of a standard module: its functions (declared natives) and its
/// constants. Each module file defines one as `pub(super) static MODULE`.
pub struct ModuleDecl {
    pub name: &'static str,
    /// One line for `help` and `module_info`.
    pub doc: &'static str,
    pub functions: &'static [NativeDecl],
    /// The constants (`math.pi`), made when the module is built.
    pub constants: fn() -> Vec<(&'static str, Value)>,
}

impl ModuleDecl {
    /// A module of declared functions and constants.
    pub const fn new(
        name: &'static str,
        doc: &'static str,
        functions: &'static [NativeDecl],
        constants: fn() -> Vec<(&'static str, Value)>,
    ) -> ModuleDecl {
        ModuleDecl { name, doc, functions, constants }
    }

    /// Every function declaration of the module.
    pub fn function_decls(&self) -> &'static [NativeDecl] {
        self.functions
    }

    /// The declaration of the function `name`.
    pub fn function(&self, name: &str) -> Option<&'static NativeDecl> {
        self.functions.iter().find(|f| f.name == name)
    }
}

/// No constants.
pub fn no_constants() -> Vec<(&'static str, Value)> {
    Vec::new()
}

/// Declares the module files and lists their declarations in `MODULES`: adding a
/// standard module is one new file (with its `MODULE`) and its name here.
macro_rules! standard_modules {
    ($($module:ident),* $(,)?) => {
        $(mod $module;)*
        /// Every standard module this version provides, sorted by name.
        pub static MODULES: &[&ModuleDecl] = &[$(&$module::MODULE),*];
    };
}

standard_modules!(
    args,
    collections,
    console,
    crypto,
    csv,
    datetime,
    env,
    file,
    functional,
    http,
    json,
    log,
    math,
    path,
    random,
    regex
);

/// The standard modules this version provides, sorted.
pub fn available() -> impl Iterator<Item = &'static str> {
    MODULES.iter().map(|m| m.name)
}

/// Whether the standard module `name` is provided.
pub fn is_available(name: &str) -> bool {
    declaration(name).is_some()
}

/// The declaration of the standard module `name`.
pub fn declaration(name: &str) -> Option<&'static ModuleDecl> {
    MODULES.iter().copied().find(|m| m.name == name)
}

/// Builds the module `name`; `None` when it is not provided.
pub fn build(name: &str) -> Option<Rc<Module>> {
    let decl = declaration(name)?;
    let module = Module::new(decl.name);
    for f in decl.function_decls() {
        let func = NativeFunction::declared(Some(decl.name), f);
        module.add(f.name, ModuleMember::Value(Value::Native(func)));
    }
    for (cname, value) in (decl.constants)() {
        module.add(cname, ModuleMember::Value(value));
    }
    Some(module)
}

// ----- argument helpers shared by the modules -------------------------------------------

/// A number argument of `func` (`math.sqrt`) as a float: ints are converted to the
/// nearest float (`OverflowError` when too large); booleans and other kinds: `TypeError`.
fn float_arg(func: &str, v: &Value) -> Result<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::BigInt(b) => crate::support::numeric::bigint_to_f64(b)
            .ok_or_else(|| overflow_error(format!("`{func}`: int too large to convert to float"))),
        Value::Float(x) => Ok(*x),
        other => Err(kind_error(func, "a number", other)),
    }
}

/// A count argument of `func`: an int `n >= 0` (negative: `ValueError`).
fn count_arg(func: &str, v: &Value) -> Result<usize> {
    let n = int_arg(func, "an int count", v)?;
    usize::try_from(n).map_err(|_| value_error(format!("`{func}`: count {n} is negative")))
}

/// Whether `pred(item)` is truthy.
fn holds(vm: &mut Vm, pred: &Value, item: &Value) -> Result<bool> {
    Ok(vm.call_value(pred, vec![item.clone()])?.truthy())
}

/// `items` with each array item replaced by its items (one level).
fn flatten_items(func: &str, items: Vec<Value>) -> Result<Vec<Value>> {
    // The result's size is known: reserved before it is made (`[a, a, a, a]` of a large
    // `a` is small, its flattening is not).
    let total = items
        .iter()
        .map(|item| match item {
            Value::Array(inner) => inner.len() as u64,
            _ => 1,
        })
        .fold(0u64, u64::saturating_add);
    crate::methods::check_result_size(total.saturating_mul(16), func)?;
    let mut out = Vec::with_capacity(total as usize);
    for item in items {
        match &item {
            Value::Array(inner) => out.extend(inner.to_vec()),
            _ => out.push(item),
        }
    }
    Ok(out)
}

/// Consecutive slices of `size` items of `items`, as arrays (`size <= 0`: `ValueError`).
fn chunks_of(func: &str, items: &[Value], size: &Value) -> Result<Value> {
    let size = int_arg(func, "an int size", size)?;
    if size <= 0 {
        return Err(value_error(format!("`{func}` size must be positive, got {size}")));
    }
    let mut out = Vec::with_capacity(items.len().div_ceil(size as usize));
    for c in items.chunks(size as usize) {
        // Each chunk is a new array: `chunk(a, 1)` makes as many as `a` has items.
        crate::heap::tick()?;
        out.push(Value::array(c.to_vec()));
    }
    Ok(Value::array(out))
}

/// The pseudo-random generator behind `random` and `math.random` (spec §12.9: one
/// generator serves both; its algorithm is the implementation's). SplitMix64.
pub(crate) struct Rng {
    state: u64,
    /// The last seed set, or the initial one.
    seed: i64,
}

impl Rng {
    /// A generator with a seed taken from the clock and an address, as the spec asks for a
    /// run that sets no seed. `random.getSeed()` reports it, so a run can be repeated.
    pub(crate) fn unpredictable() -> Rng {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        let local = 0u8;
        let mixed = nanos ^ (std::ptr::addr_of!(local) as u64).rotate_left(32);
        Rng::seeded((mixed >> 1) as i64)
    }

    /// The generator after `random.setSeed(seed)`.
    pub(crate) fn seeded(seed: i64) -> Rng {
        Rng { state: seed as u64, seed }
    }

    pub(crate) fn seed(&self) -> i64 {
        self.seed
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A float in `[0, 1)`: the top 53 bits of the next output, scaled.
    pub(crate) fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An int in `[0, n)` for `n > 0` (the high half of a 64x64-bit product: bias below
    /// 2^-64 relative).
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        ((self.next_u64() as u128 * n as u128) >> 64) as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_available_module_builds_and_names_its_functions() {
        for name in available() {
            let module = build(name).expect(name);
            assert_eq!(module.name, name);
            for (member, value) in module.members.borrow().iter() {
                if let ModuleMember::Value(Value::Native(f)) = value {
                    assert_eq!(f.display_name(), format!("{name}.{}", member.as_str()));
                    assert!(f.decl().is_some(), "{}", f.name);
                }
            }
        }
        let names: Vec<&str> = available().collect();
        let sorted = names.windows(2).all(|w| w[0] < w[1]);
        assert!(sorted && names.iter().all(|m| crate::builtins::STANDARD_MODULES.contains(m)));
    }

    #[test]
    fn random_floats_stay_in_the_unit_interval() {
        let mut rng = Rng::seeded(0);
        let draws: Vec<f64> = (0..10_000).map(|_| rng.next_f64()).collect();
        assert!(draws.iter().all(|x| (0.0..1.0).contains(x)));
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        assert!((mean - 0.5).abs() < 0.02, "{mean}");
        let mut again = Rng::seeded(0);
        assert_eq!(again.next_f64(), draws[0], "a seed repeats its sequence");
        assert!((0..1000).all(|_| rng.below(3) < 3));
    }
}
