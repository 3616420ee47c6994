//! Members of the built-in kinds (spec §10, §5.11): `length`, the string and array
//! methods, bound methods, slicing, and iteration of any iterable (§6.7).
//!
//! The string methods live in `methods/string.rs`, the array methods in
//! `methods/array.rs`, and the stable, error-propagating sort shared by `array.sort`,
//! `sorted`, `min` and `max` in `methods/sort.rs`.

mod array;
pub(crate) mod sort;
mod string;

use std::rc::Rc;

use crate::error::{attribute_error, type_error, value_error, ErrorKind, Result, RuntimeError};
use crate::natives::{Imp, NativeDecl};
use crate::support::strings;
use crate::value::{BoundMethod, IterState, IteratorObj, Str, Value};
use crate::vm::Vm;

/// The methods of strings (spec §10.1), sorted.
pub const STRING_METHODS: &[&str] = &[
    "capitalize",
    "center",
    "count",
    "endswith",
    "find",
    "index",
    "isalnum",
    "isalpha",
    "isdigit",
    "islower",
    "isspace",
    "istitle",
    "isupper",
    "join",
    "ljust",
    "lower",
    "lstrip",
    "replace",
    "rfind",
    "rindex",
    "rjust",
    "rsplit",
    "rstrip",
    "split",
    "startswith",
    "strip",
    "swapcase",
    "title",
    "upper",
];

/// The methods of arrays (spec §10.2), sorted.
pub const ARRAY_METHODS: &[&str] = &[
    "append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse",
    "sort",
];

/// A bit of `Instr::LookupMethod`'s `known`: strings have a method of that name.
pub(crate) const KNOWN_STR: u8 = 1;
/// A bit of `Instr::LookupMethod`'s `known`: arrays have a method of that name.
pub(crate) const KNOWN_ARRAY: u8 = 2;

/// Which kinds have a method named `name` (`KNOWN_STR`, `KNOWN_ARRAY`), known from the
/// name alone when a method call is compiled.
pub(crate) fn known_method(name: &str) -> u8 {
    let mut known = 0;
    if STRING_METHODS.binary_search(&name).is_ok() {
        known |= KNOWN_STR;
    }
    if ARRAY_METHODS.binary_search(&name).is_ok() {
        known |= KNOWN_ARRAY;
    }
    known
}

/// `v.name` for every kind but objects (whose missing keys read as null).
pub fn get_member(v: &Value, name: &Rc<Str>) -> Result<Value> {
    let n = name.as_str();
    match v {
        Value::Object(o) => Ok(o.dict.borrow().get_str(name).cloned().unwrap_or(Value::Null)),
        Value::Module(m) => m.get(n).ok_or_else(|| no_module_member(m, n)),
        Value::Str(s) if n == "length" => Ok(Value::Int(s.char_len() as i64)),
        Value::Array(a) if n == "length" => Ok(Value::Int(a.len() as i64)),
        Value::Str(_) if STRING_METHODS.contains(&n) => Ok(bound(v, name)),
        Value::Array(_) if ARRAY_METHODS.contains(&n) => Ok(bound(v, name)),
        Value::Library(o) if o.class.method(n).is_some() => Ok(bound(v, name)),
        Value::Library(o) => match o.class.property(n) {
            Some(p) => Ok((p.get)(o)),
            None => Err(no_member(v, n)),
        },
        _ => Err(no_member(v, n)),
    }
}

/// Whether `v.name` can be read (spec §11.9 `hasattr`).
pub fn has_member(v: &Value, name: &Rc<Str>) -> bool {
    let n = name.as_str();
    match v {
        Value::Object(o) => o.dict.borrow().get_str(name).is_some(),
        Value::Module(m) => m.get(n).is_some(),
        Value::Str(_) => n == "length" || STRING_METHODS.contains(&n),
        Value::Array(_) => n == "length" || ARRAY_METHODS.contains(&n),
        Value::Library(o) => o.class.method(n).is_some() || o.class.property(n).is_some(),
        // The `Iterator` has no members.
        _ => false,
    }
}

/// The names callable with method syntax on `v` (spec §11.10 `methods`), sorted.
pub fn method_names(v: &Value) -> Vec<String> {
    let mut names: Vec<String> = match v {
        Value::Str(_) => STRING_METHODS.iter().map(|s| (*s).to_owned()).collect(),
        Value::Array(_) => ARRAY_METHODS.iter().map(|s| (*s).to_owned()).collect(),
        Value::Library(o) => o.class.methods.iter().map(|m| m.name.to_owned()).collect(),
        Value::Object(o) => o
            .dict
            .borrow()
            .iter()
            .filter_map(|(k, v)| match k {
                Value::Str(s) if v.is_callable() => Some(s.as_str().to_owned()),
                _ => None,
            })
            .collect(),
        // The declared functions of `builtin` and the standard modules.
        Value::Module(m) if m.name == "builtin" => {
            crate::builtins::declarations().iter().map(|f| f.name.to_owned()).collect()
        }
        Value::Module(m) if crate::stdlib::declaration(&m.name).is_some() => {
            crate::stdlib::declaration(&m.name)
                .map(|d| d.functions.iter().map(|f| f.name.to_owned()).collect())
                .unwrap_or_default()
        }
        Value::Module(m) => m
            .member_names()
            .into_iter()
            .filter(|n| m.get(n).is_some_and(|f| f.is_callable()))
            .collect(),
        _ => Vec::new(),
    };
    names.sort();
    names.dedup();
    names
}

/// The declarations of the string methods (spec §10.1), sorted by name.
pub fn string_methods() -> &'static [NativeDecl] {
    string::METHODS
}

/// The declarations of the array methods (spec §10.2), sorted by name.
pub fn array_methods() -> &'static [NativeDecl] {
    array::METHODS
}

/// The prefix of the qualified names of `receiver`'s methods: `str` (`str.split`),
/// `array`, or a library object's class (`HttpResponse.status`). The profiler names
/// method calls with it, as the argument errors do.
pub fn method_prefix(receiver: &Value) -> &'static str {
    match receiver {
        Value::Str(_) => STR_PREFIX,
        Value::Array(_) => ARRAY_PREFIX,
        Value::Library(o) => o.class.name,
        other => other.type_name(),
    }
}

/// The declaration of the method `name` of `receiver`, with the prefix of its qualified
/// name (`str` for `str.split`).
pub fn method_decl(receiver: &Value, name: &str) -> Option<(&'static str, &'static NativeDecl)> {
    let find = |table: &'static [NativeDecl]| table.iter().find(|m| m.name == name);
    match receiver {
        Value::Str(_) => find(string::METHODS).map(|d| (STR_PREFIX, d)),
        Value::Array(_) => find(array::METHODS).map(|d| (ARRAY_PREFIX, d)),
        Value::Library(o) => o.class.method(name).map(|d| (o.class.name, d)),
        _ => None,
    }
}

/// The `help` text of the method `name` of `receiver` (from its declaration).
pub fn method_doc(receiver: &Value, name: &str) -> Option<String> {
    method_decl(receiver, name).map(|(prefix, d)| d.help(Some(prefix)))
}

/// The prefixes of the qualified names of string and array methods (`str.split`).
const STR_PREFIX: &str = "str";
const ARRAY_PREFIX: &str = "array";

/// Checks `args` against the declaration of a method of `prefix` (`str`, `array`, a
/// library class): the errors name it `prefix.name`. An optional argument given as
/// `null` is omitted for string and array methods (§10).
#[inline]
fn check_method_args(
    prefix: &str,
    decl: &NativeDecl,
    args: &[Value],
    null_omits: bool,
) -> Result<()> {
    match decl.check_args(decl.name, args, null_omits) {
        Ok(()) => Ok(()),
        Err(e) => Err(qualify_method(prefix, decl.name, e)),
    }
}

#[cold]
fn qualify_method(prefix: &str, name: &str, e: RuntimeError) -> RuntimeError {
    let msg = e.message().replacen(&format!("`{name}`"), &format!("`{prefix}.{name}`"), 1);
    RuntimeError::new(e.kind(), msg)
}

fn bound(v: &Value, name: &Rc<Str>) -> Value {
    Value::Bound(Rc::new(BoundMethod { receiver: v.clone(), name: name.clone() }))
}

/// `module `random` has no member `seed`; did you mean `random.setSeed`?` (spec §5.11).
#[cold]
pub(crate) fn no_module_member(m: &crate::value::Module, name: &str) -> RuntimeError {
    let names = m.member_names();
    let qualify = format!("{}.", m.name);
    let hint = crate::hints::did_you_mean(name, names.iter().map(String::as_str), &qualify);
    attribute_error(format!("module `{}` has no member `{name}`{hint}", m.name))
}

/// The hint of an `AttributeError` about the member `name` of `v`: the nearest member,
/// or what to write instead (`functional.map(f, arr)` for `arr.map(f)`).
fn member_hint(v: &Value, name: &str) -> String {
    use mlpy_analysis::modules::Receiver;
    match v {
        Value::Str(_) => crate::hints::method_help(Receiver::String, name),
        Value::Array(_) => crate::hints::method_help(Receiver::Array, name),
        Value::Library(o) => {
            let names = o.class.methods.iter().map(|m| m.name);
            let names = names.chain(o.class.properties.iter().map(|p| p.name));
            let hint = crate::hints::did_you_mean(name, names, "");
            return hint;
        }
        _ => None,
    }
    .map_or_else(String::new, |help| format!("; {help}"))
}

#[cold]
fn no_member(v: &Value, name: &str) -> RuntimeError {
    let hint = member_hint(v, name);
    attribute_error(format!("{} has no member `{name}`{hint}", v.type_name()))
}

/// `o.name(…)` on an object without the key `name`.
#[cold]
pub(crate) fn no_property_to_call(name: &Str) -> RuntimeError {
    attribute_error(format!("object has no property `{}` to call", name.as_str()))
}

/// Whether `receiver.name(…)` names a method of a string, an array or a library object.
pub(crate) fn has_method(receiver: &Value, name: &Str) -> bool {
    static STR_INDEX: std::sync::OnceLock<MethodIndex> = std::sync::OnceLock::new();
    static ARRAY_INDEX: std::sync::OnceLock<MethodIndex> = std::sync::OnceLock::new();
    match receiver {
        Value::Str(_) => find_method(string::METHODS, &STR_INDEX, name).is_some(),
        Value::Array(_) => find_method(array::METHODS, &ARRAY_INDEX, name).is_some(),
        Value::Library(o) => o.class.method(name.as_str()).is_some(),
        _ => false,
    }
}

#[cold]
pub(crate) fn no_method(v: &Value, name: &str) -> RuntimeError {
    if name == "length" {
        return attribute_error(format!(
            "{} has no method `length`: `length` is a property, read it without `()`",
            v.type_name()
        ));
    }
    let hint = member_hint(v, name);
    attribute_error(format!("{} has no method `{name}`{hint}", v.type_name()))
}

/// `receiver.name(args)` for strings, arrays and library objects.
pub fn call_method(vm: &mut Vm, receiver: &Value, name: &Rc<Str>, args: &[Value]) -> Result<Value> {
    let res = match receiver {
        Value::Str(s) => {
            static INDEX: std::sync::OnceLock<MethodIndex> = std::sync::OnceLock::new();
            find_method(string::METHODS, &INDEX, name).map(|i| {
                let decl = &string::METHODS[i];
                check_method_args(STR_PREFIX, decl, args, true)?;
                match decl.imp {
                    Imp::StrMethod(f) => f(s, args),
                    _ => Err(no_method(receiver, name.as_str())),
                }
            })
        }
        Value::Array(a) => {
            static INDEX: std::sync::OnceLock<MethodIndex> = std::sync::OnceLock::new();
            find_method(array::METHODS, &INDEX, name).map(|i| {
                let decl = &array::METHODS[i];
                check_method_args(ARRAY_PREFIX, decl, args, true)?;
                match decl.imp {
                    Imp::ArrayMethod(f) => f(a, args),
                    _ => Err(no_method(receiver, name.as_str())),
                }
            })
        }
        Value::Library(o) => {
            return call_library_method(vm, receiver, o.class, name.as_str(), args)
        }
        _ => None,
    };
    res.unwrap_or_else(|| Err(no_method(receiver, name.as_str())))
}

/// Calls the declared method `name` of a library object: its arguments are checked
/// against the declaration first, as for every native.
fn call_library_method(
    vm: &mut Vm,
    receiver: &Value,
    class: &'static crate::value::LibraryClass,
    name: &str,
    args: &[Value],
) -> Result<Value> {
    let Some(decl) = class.method(name) else {
        return Err(no_method(receiver, name));
    };
    check_method_args(class.name, decl, args, false)?;
    match decl.imp {
        Imp::Method(f) => f(vm, receiver, args),
        Imp::Function(f) => f(vm, args),
        Imp::StrMethod(_) | Imp::ArrayMethod(_) => Err(no_method(receiver, name)),
    }
}

// ----- argument helpers shared by the string and array methods ---------------------------

/// The optional `start`/`end`-like int argument at `idx` (`None` when missing or null).
fn opt_int(kind: &str, name: &str, what: &str, args: &[Value], idx: usize) -> Result<Option<i64>> {
    match args.get(idx) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Int(i)) => Ok(Some(*i)),
        Some(Value::BigInt(b)) => Ok(Some(crate::ops::bigint_to_i64_clamped(b))),
        Some(other) => Err(type_error(format!(
            "{kind} method `{name}` expects an int or null {what}, got {}",
            other.type_name()
        ))),
    }
}

/// Results larger than this many bytes end the run (as for `s * n`).
const MAX_RESULT_BYTES: u64 = 1 << 32;

/// Refuses to build a string or array of `bytes` bytes when that is unreasonably large,
/// or would take the heap past its memory limit (checked before allocating).
pub(crate) fn check_result_size(bytes: u64, what: &str) -> Result<()> {
    if bytes > MAX_RESULT_BYTES {
        return Err(RuntimeError::new(
            ErrorKind::LimitExceeded,
            format!("{what} result too large (over 4 GiB)"),
        ));
    }
    crate::heap::reserve_for(bytes, what)
}

// ----- iteration -------------------------------------------------------------------------

/// The items of an iterable (spec §6.7): array items, string characters, object keys or
/// the remaining items of an iterator. A value that is not iterable is a `TypeError`
/// naming `op`; an iterator whose object changed while it was read passes on its error.
pub fn collect_items(v: &Value, op: &str) -> Result<Vec<Value>> {
    match v {
        Value::Array(a) => {
            check_result_size(a.len() as u64 * 16, op)?;
            Ok(a.to_vec())
        }
        Value::Str(s) => {
            // Each character becomes a string (its header) in a 16-byte slot.
            let each = std::mem::size_of::<Str>() as u64 + 32;
            check_result_size((s.char_len() as u64).saturating_mul(each), op)?;
            Ok(chars_of(s.as_str()))
        }
        Value::Object(o) => Ok(o.dict.borrow().keys().cloned().collect()),
        Value::Iterator(it) => {
            let mut out = Vec::new();
            while let Some(item) = crate::vm::iter_next(it)? {
                out.push(item);
            }
            Ok(out)
        }
        other => Err(not_iterable(op, other)),
    }
}

/// An iterator over the items of `v` (spec §11.4 `iter`): a new one for an array,
/// string or object, `v` itself for an iterator, `None` for any other kind.
pub fn item_iterator(v: &Value) -> Option<Rc<IteratorObj>> {
    let state = match v {
        Value::Iterator(it) => return Some(it.clone()),
        Value::Array(a) => IterState::Array { array: a.clone(), pos: 0 },
        Value::Str(s) => IterState::Str { text: s.clone(), byte_pos: 0 },
        Value::Object(o) => {
            let version = o.dict.borrow().version();
            IterState::Keys { object: o.clone(), pos: 0, version }
        }
        _ => return None,
    };
    Some(IteratorObj::new(state))
}

/// A `TypeError` for a value that `op` needed to iterate.
#[cold]
pub fn not_iterable(op: &str, v: &Value) -> RuntimeError {
    type_error(format!(
        "`{op}` expects an iterable (array, string, object or iterator), got {}",
        v.type_name()
    ))
}

/// The one-character strings of `s`.
pub(crate) fn chars_of(s: &str) -> Vec<Value> {
    s.char_indices().map(|(i, c)| Value::str(&s[i..i + c.len_utf8()])).collect()
}

// ----- slicing ---------------------------------------------------------------------------

fn slice_bound(v: &Value, what: &str) -> Result<Option<i64>> {
    match v {
        Value::Null => Ok(None),
        Value::Int(i) => Ok(Some(*i)),
        Value::BigInt(b) => Ok(Some(crate::ops::bigint_to_i64_clamped(b))),
        other => Err(type_error(format!(
            "slice {what} must be an int or null, not {}",
            other.type_name()
        ))),
    }
}

fn slice_spec(start: &Value, end: &Value, step: &Value) -> Result<(Option<i64>, Option<i64>, i64)> {
    // Every bound's kind is checked before the step's value (§5.10, §5.12).
    let (start, end) = (slice_bound(start, "start")?, slice_bound(end, "end")?);
    let step = slice_bound(step, "step")?.unwrap_or(1);
    if step == 0 {
        return Err(value_error("slice step cannot be zero"));
    }
    Ok((start, end, step))
}

/// `obj[start:end:step]` (spec §5.10).
pub fn get_slice(obj: &Value, start: &Value, end: &Value, step: &Value) -> Result<Value> {
    if !matches!(obj, Value::Array(_) | Value::Str(_)) {
        return Err(type_error(format!("{} cannot be sliced", obj.type_name())));
    }
    let (start, end, step) = slice_spec(start, end, step)?;
    match obj {
        Value::Array(a) => {
            let idx = strings::slice_indices(a.len(), start, end, step)
                .ok_or_else(|| value_error("slice step cannot be zero"))?;
            check_result_size((idx.count as u64).saturating_mul(a.item_bytes() as u64), "slice")?;
            Ok(Value::Array(a.select(idx.iter())))
        }
        Value::Str(s) => Ok(Value::string(
            strings::slice_chars(s.as_str(), start, end, step)
                .ok_or_else(|| value_error("slice step cannot be zero"))?,
        )),
        other => Err(type_error(format!("{} cannot be sliced", other.type_name()))),
    }
}

/// `obj[start:end:step] = items` (spec §6.2).
pub fn set_slice(
    obj: &Value,
    start: &Value,
    end: &Value,
    step: &Value,
    new: Vec<Value>,
) -> Result<()> {
    let Value::Array(a) = obj else {
        return Err(type_error(format!(
            "slice assignment needs an array, not {}",
            obj.type_name()
        )));
    };
    let (start, end, step) = slice_spec(start, end, step)?;
    let len = a.len();
    let idx = strings::slice_indices(len, start, end, step)
        .ok_or_else(|| value_error("slice step cannot be zero"))?;
    if step == 1 {
        // With nothing selected, `idx.start` is the clamped start: the insertion point.
        let from = idx.start.min(len);
        let to = (from + idx.count).min(len);
        a.splice(from, to, new);
    } else {
        if new.len() != idx.count {
            return Err(value_error(format!(
                "attempt to assign {} items to an extended slice of {} items",
                new.len(),
                idx.count
            )));
        }
        for (i, v) in idx.iter().zip(new) {
            a.set_at(i as i64, v);
        }
    }
    Ok(())
}

/// A method table's index by name hash: an open-addressing table of `(hash, position)`
/// pairs, built once per table. Method calls look their name up on every call; a linear
/// scan of the hashes cost about 200 instructions per call.
pub(crate) struct MethodIndex {
    slots: Vec<(u64, u16)>,
}

impl MethodIndex {
    fn new(table: &[NativeDecl]) -> MethodIndex {
        let size = (table.len() * 2).next_power_of_two().max(8);
        let mut slots = vec![(0, u16::MAX); size];
        for (i, m) in table.iter().enumerate() {
            let h = crate::value::str_hash(m.name);
            let mut at = slot_of(h, size - 1);
            while slots[at].1 != u16::MAX {
                at = (at + 1) & (size - 1);
            }
            slots[at] = (h, i as u16);
        }
        MethodIndex { slots }
    }
}

/// The home slot of a hash: its high bits (the low bit of string hashes is always set).
fn slot_of(hash: u64, mask: usize) -> usize {
    (hash >> 32) as usize & mask
}

/// The position of `name` in a method table (`index` caches the table's [`MethodIndex`]).
#[inline(always)]
pub(crate) fn find_method(
    table: &[NativeDecl],
    index: &std::sync::OnceLock<MethodIndex>,
    name: &Str,
) -> Option<usize> {
    let slots = &index.get_or_init(|| MethodIndex::new(table)).slots;
    let h = name.hash_code();
    let mask = slots.len() - 1;
    let mut at = slot_of(h, mask);
    loop {
        let (sh, i) = slots[at];
        if i == u16::MAX {
            return None;
        }
        if sh == h && table[i as usize].name == name.as_str() {
            return Some(i as usize);
        }
        at = (at + 1) & mask;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn method_index_finds_every_method_and_nothing_else() {
        fn check(table: &[NativeDecl], names: &[&str]) {
            let index = std::sync::OnceLock::new();
            for (i, name) in names.iter().enumerate() {
                assert_eq!(find_method(table, &index, &Str::new(name)), Some(i), "{name}");
            }
            for name in ["", "nope", "Upper", "appendx", "__init__"] {
                assert_eq!(find_method(table, &index, &Str::new(name)), None, "{name}");
            }
        }
        check(string::METHODS, STRING_METHODS);
        check(array::METHODS, ARRAY_METHODS);
    }

    /// `LookupMethod`'s fast test (the `known` bits the compiler computes from the name)
    /// agrees with the slow one (`has_method` on a value of each kind) for every method
    /// name, a prefix and an extension of each, and other names.
    #[test]
    fn known_methods_agree_with_the_lookup() {
        let mut names: Vec<String> =
            ["", "nope", "length", "Upper", "__init__", "keys"].map(String::from).to_vec();
        for name in STRING_METHODS.iter().chain(ARRAY_METHODS) {
            names.extend([name.to_string(), name[..name.len() - 1].to_owned(), format!("{name}x")]);
        }
        let (s, a) = (Value::str("text"), Value::array(vec![Value::Int(1)]));
        for name in &names {
            let known = known_method(name);
            let key = Str::new(name);
            assert_eq!(known & KNOWN_STR != 0, has_method(&s, &key), "string {name:?}");
            assert_eq!(known & KNOWN_ARRAY != 0, has_method(&a, &key), "array {name:?}");
        }
    }
}
