//! Runtime values (spec §4). `Value` is 16 bytes: a tag and either an immediate (null,
//! boolean, `i64`, `f64`) or one reference-counted pointer.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use compact_str::CompactString;
use num_bigint::BigInt;

use crate::bytecode::CodeObject;
use crate::dict::Dict;
use crate::error::RuntimeError;
use crate::heap::{self, Trace};
use crate::natives::NativeFunction;

mod array;
mod library;

pub use array::{wrap_index, Array, ItemIter, Items};
pub use library::{LibraryClass, LibraryObject, LibraryProperty};

#[derive(Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    /// The fast path of ints; results that do not fit become `BigInt`.
    Int(i64),
    Float(f64),
    /// Internal: the content of a variable that has no value yet. (The immediates come
    /// first, so `is_immediate` is one comparison of the tag.)
    Uninit,
    /// An int outside the `i64` range (never one that fits: results are normalised).
    BigInt(Rc<Big>),
    Str(Rc<Str>),
    Array(Rc<Array>),
    Object(Rc<Object>),
    Function(Rc<Closure>),
    Native(Rc<NativeFunction>),
    /// A method read from a string, array or library object: `s.upper`.
    Bound(Rc<BoundMethod>),
    Module(Rc<Module>),
    /// The `Iterator` library object.
    Iterator(Rc<IteratorObj>),
    /// Every other library object (`HttpResponse`, `ArgParser`, …).
    Library(Rc<LibraryObject>),
    /// Internal: the cell of a captured variable. Never visible to ML code.
    Cell(Rc<VarCell>),
    /// Internal: a caught error kept for re-raising after a `finally` block.
    Raised(Rc<RuntimeError>),
}

// Written out so that it can be inlined: the run loop copies registers on its hot paths,
// and a derived `clone` was an out-of-line call with a jump table.
impl Clone for Value {
    #[inline]
    fn clone(&self) -> Value {
        match self {
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) => Value::Float(*f),
            Value::Uninit => Value::Uninit,
            Value::BigInt(r) => Value::BigInt(Rc::clone(r)),
            Value::Str(r) => Value::Str(Rc::clone(r)),
            Value::Array(r) => Value::Array(Rc::clone(r)),
            Value::Object(r) => Value::Object(Rc::clone(r)),
            Value::Function(r) => Value::Function(Rc::clone(r)),
            Value::Native(r) => Value::Native(Rc::clone(r)),
            Value::Bound(r) => Value::Bound(Rc::clone(r)),
            Value::Module(r) => Value::Module(Rc::clone(r)),
            Value::Iterator(r) => Value::Iterator(Rc::clone(r)),
            Value::Library(r) => Value::Library(Rc::clone(r)),
            Value::Cell(r) => Value::Cell(Rc::clone(r)),
            Value::Raised(r) => Value::Raised(Rc::clone(r)),
        }
    }
}

/// Moves the reference out of `$value` when it is a `Value::$kind`, leaving null.
///
/// `mem::take` does the same with a 16-byte load of the whole value. The run loop moves
/// callees out of registers that it wrote a few instructions before, in two stores (tag
/// and payload), and a load that spans two pending stores waits for both to reach the
/// cache (store-to-load forwarding fails): fib(30) took 147 ms with `mem::take` and
/// 124 ms with this (median CPU time of 15 alternating runs).
macro_rules! take_ref {
    ($value:expr, $kind:ident) => {{
        let Value::$kind(r) = $value else { return None };
        // SAFETY: the bitwise copy takes over the value's reference, and the value is
        // then overwritten without being dropped, so the reference count stays right.
        #[allow(unsafe_code)]
        let r = unsafe { std::ptr::read(r) };
        std::mem::forget(std::mem::replace($value, Value::Null));
        Some(r)
    }};
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Str::new(s))
    }

    pub fn string(s: String) -> Value {
        Value::Str(Str::from_string(s))
    }

    pub fn array(items: Vec<Value>) -> Value {
        Value::Array(Array::new(items))
    }

    pub fn object(dict: Dict) -> Value {
        Value::Object(Object::new(dict))
    }

    pub fn bigint(n: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match n.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(Big::new(n))),
        }
    }

    /// The kind name used in `typeof` and in error messages (spec §4.1, §9.4).
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Int(_) | Value::BigInt(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
            Value::Function(_) | Value::Native(_) | Value::Bound(_) => "function",
            Value::Module(_) => "module",
            Value::Iterator(_) => "Iterator",
            Value::Library(o) => o.class.name,
            Value::Cell(_) | Value::Raised(_) | Value::Uninit => "internal",
        }
    }

    /// `typeof(v)` (spec §4.6).
    pub fn type_of(&self) -> &'static str {
        match self {
            Value::Int(_) | Value::BigInt(_) | Value::Float(_) => "number",
            Value::Iterator(_) | Value::Library(_) => "object",
            _ => self.type_name(),
        }
    }

    /// Truthiness (spec §4.5).
    pub fn truthy(&self) -> bool {
        match self {
            Value::Null | Value::Uninit => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::BigInt(_) => true,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::Array(a) => !a.is_empty(),
            Value::Object(o) => !o.dict.borrow().is_empty(),
            _ => true,
        }
    }

    /// Whether the value holds no reference (dropping it frees nothing).
    #[inline]
    pub fn is_immediate(&self) -> bool {
        matches!(
            self,
            Value::Null | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Uninit
        )
    }

    /// Moves the closure out of a function value, leaving null; `None` for other kinds.
    #[inline(always)]
    pub fn take_function(&mut self) -> Option<Rc<Closure>> {
        take_ref!(self, Function)
    }

    /// Moves the native function out of a native value, leaving null; `None` for others.
    #[inline(always)]
    pub fn take_native(&mut self) -> Option<Rc<NativeFunction>> {
        take_ref!(self, Native)
    }

    /// Stores an int, reusing the slot without drop glue when it already holds an int.
    // The run loop writes ints far more often than anything else; skipping the call to
    // the drop glue for int-to-int overwrites saves ~10% of instructions on fib(25).
    #[inline(always)]
    pub fn set_int(&mut self, i: i64) {
        match self {
            Value::Int(x) => *x = i,
            _ => self.put(Value::Int(i)),
        }
    }

    /// Overwrites the value, skipping the drop glue when the old value is an immediate
    /// (most register writes overwrite an int, a bool or null).
    #[inline(always)]
    pub fn put(&mut self, v: Value) {
        if self.is_immediate() {
            std::mem::forget(std::mem::replace(self, v));
        } else {
            *self = v;
        }
    }

    /// Stores a boolean, like `set_int`.
    #[inline(always)]
    pub fn set_bool(&mut self, b: bool) {
        match self {
            Value::Bool(x) => *x = b,
            _ => self.put(Value::Bool(b)),
        }
    }

    /// The value of an `Int`.
    #[inline]
    pub fn as_int(&self) -> Option<i64> {
        match self {
            Value::Int(n) => Some(*n),
            _ => None,
        }
    }

    pub fn is_callable(&self) -> bool {
        matches!(self, Value::Function(_) | Value::Native(_) | Value::Bound(_))
    }

    pub fn is_number(&self) -> bool {
        matches!(self, Value::Int(_) | Value::BigInt(_) | Value::Float(_))
    }

    /// The address of a container registered with the cycle collector.
    pub(crate) fn container_ptr(&self) -> Option<*const ()> {
        match self {
            Value::Array(a) => Some(Rc::as_ptr(a) as *const ()),
            Value::Object(o) => Some(Rc::as_ptr(o) as *const ()),
            Value::Function(c) => Some(Rc::as_ptr(c) as *const ()),
            Value::Cell(c) => Some(Rc::as_ptr(c) as *const ()),
            _ => None,
        }
    }

    /// Identity of reference values (functions, modules, library objects).
    pub fn ptr_eq(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Array(a), Value::Array(b)) => Rc::ptr_eq(a, b),
            (Value::Object(a), Value::Object(b)) => Rc::ptr_eq(a, b),
            (Value::Function(a), Value::Function(b)) => Rc::ptr_eq(a, b),
            (Value::Native(a), Value::Native(b)) => Rc::ptr_eq(a, b),
            (Value::Bound(a), Value::Bound(b)) => Rc::ptr_eq(a, b),
            (Value::Module(a), Value::Module(b)) => Rc::ptr_eq(a, b),
            (Value::Iterator(a), Value::Iterator(b)) => Rc::ptr_eq(a, b),
            (Value::Library(a), Value::Library(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::display::repr(self))
    }
}

/// An immutable string with its length in code points and a cached hash. Texts of up to
/// 24 bytes are stored inline (`CompactString`), so most strings are one allocation.
pub struct Str {
    text: CompactString,
    /// Length in code points; `u32::MAX` means "count when asked" (longer strings).
    char_len: u32,
    site: u32,
    hash: Cell<u64>,
}

impl Str {
    pub fn new(s: &str) -> Rc<Str> {
        Str::build(CompactString::new(s))
    }

    pub fn from_string(s: String) -> Rc<Str> {
        Str::build(CompactString::from(s))
    }

    /// `a + b`, built in place: inline when it fits, else allocated once at its size.
    pub fn concat(a: &str, b: &str) -> Rc<Str> {
        let mut text = CompactString::with_capacity(a.len() + b.len());
        text.push_str(a);
        text.push_str(b);
        Str::build(text)
    }

    fn build(text: CompactString) -> Rc<Str> {
        let count = if text.is_ascii() { text.len() } else { text.chars().count() };
        let char_len = u32::try_from(count).unwrap_or(u32::MAX);
        let site = heap::on_alloc(Str::bytes(&text));
        Rc::new(Str { text, char_len, site, hash: Cell::new(0) })
    }

    /// The bytes this string takes: its header, and its text when that is not inline.
    fn bytes(text: &CompactString) -> usize {
        let heap_text = if text.is_heap_allocated() { text.capacity() } else { 0 };
        std::mem::size_of::<Str>() + 16 + heap_text
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in code points.
    pub fn char_len(&self) -> usize {
        match self.char_len {
            u32::MAX => self.text.chars().count(),
            n => n as usize,
        }
    }

    pub fn is_ascii(&self) -> bool {
        self.char_len as usize == self.text.len()
    }

    /// The string's hash (FxHash of its bytes), computed once.
    pub fn hash_code(&self) -> u64 {
        let h = self.hash.get();
        if h != 0 {
            return h;
        }
        let h = str_hash(&self.text);
        self.hash.set(h);
        h
    }

    /// The code point at `idx` as a one-character string slice.
    pub fn char_at(&self, idx: usize) -> Option<&str> {
        if self.is_ascii() {
            return self.text.get(idx..idx + 1);
        }
        let (start, c) = self.text.char_indices().nth(idx)?;
        Some(&self.text[start..start + c.len_utf8()])
    }
}

/// The hash of a string's text, as cached by `Str::hash_code` (never 0).
pub fn str_hash(text: &str) -> u64 {
    let mut hasher = crate::dict::FxHasher::default();
    hasher.write(text.as_bytes());
    hasher.finish() | 1
}

impl Drop for Str {
    fn drop(&mut self) {
        heap::on_free(Str::bytes(&self.text), self.site);
    }
}

impl PartialEq for Str {
    fn eq(&self, other: &Str) -> bool {
        self.text == other.text
    }
}

impl Hash for Str {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash_code());
    }
}

/// The values a function made by a native carries (`functional.compose(f, g)`: `[f, g]`),
/// counted on the heap with the function they belong to.
pub struct NativeData {
    values: Box<[Value]>,
    tag: u32,
}

impl NativeData {
    pub fn new(values: Vec<Value>) -> Rc<NativeData> {
        let values = values.into_boxed_slice();
        let tag = heap::on_alloc(NativeData::bytes(values.len()));
        Rc::new(NativeData { values, tag })
    }

    /// Its bytes and those of the function: the function's header, this one's, the values
    /// (three allocations, each with two reference counts or the allocator's 16 bytes).
    fn bytes(len: usize) -> usize {
        std::mem::size_of::<crate::natives::NativeFunction>()
            + std::mem::size_of::<NativeData>()
            + 48
            + len * std::mem::size_of::<Value>()
    }
}

impl std::ops::Deref for NativeData {
    type Target = [Value];
    #[inline]
    fn deref(&self) -> &[Value] {
        &self.values
    }
}

impl Drop for NativeData {
    fn drop(&mut self) {
        heap::on_free(NativeData::bytes(self.values.len()), self.tag);
        // A chain of made functions (`f = compose(f, g)` ten million times) is freed
        // without a recursion as deep as the chain.
        drop_deep(std::mem::take(&mut self.values).into_vec());
    }
}

/// How deep drops of containers may nest before the rest is deferred.
const MAX_DROP_DEPTH: u32 = 256;

/// Drops of containers in progress, and the contents deferred by the deepest of them.
struct DropState {
    depth: Cell<u32>,
    deferred: RefCell<Vec<Vec<Value>>>,
}

thread_local! {
    static DROPS: DropState =
        const { DropState { depth: Cell::new(0), deferred: RefCell::new(Vec::new()) } };
}

/// Drops the contents of a container that is being freed. Freeing a value frees what it
/// holds, recursively: a structure nested millions deep (arrays in arrays, a chain of
/// composed functions) would overflow the Rust stack. Below `MAX_DROP_DEPTH` nested
/// drops the contents are handed to the outermost drop, which frees them in a loop.
pub(crate) fn drop_deep(values: Vec<Value>) {
    let deferred = DROPS.try_with(|d| {
        let depth = d.depth.get();
        if depth >= MAX_DROP_DEPTH {
            d.deferred.borrow_mut().push(values);
            return None;
        }
        d.depth.set(depth + 1);
        Some((depth, values))
    });
    let Ok(Some((depth, values))) = deferred else { return };
    drop(values);
    let _ = DROPS.try_with(|d| {
        if depth == 0 {
            loop {
                let next = d.deferred.borrow_mut().pop();
                match next {
                    Some(values) => drop(values),
                    None => break,
                }
            }
        }
        d.depth.set(depth);
    });
}

/// A big int, counted on the heap (its digits toward the memory limit).
pub struct Big {
    n: BigInt,
    tag: u32,
}

impl Big {
    fn new(n: BigInt) -> Big {
        let tag = heap::on_alloc(Big::bytes(&n));
        Big { n, tag }
    }

    /// The bytes a big int takes: its header and its 64-bit digits.
    fn bytes(n: &BigInt) -> usize {
        std::mem::size_of::<Big>() + 16 + n.iter_u64_digits().len() * 8
    }
}

impl std::ops::Deref for Big {
    type Target = BigInt;
    #[inline]
    fn deref(&self) -> &BigInt {
        &self.n
    }
}

impl fmt::Display for Big {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.n, f)
    }
}

impl Drop for Big {
    fn drop(&mut self) {
        heap::on_free(Big::bytes(&self.n), self.tag);
    }
}

/// A mutable, insertion-ordered object (spec §4.4), also used for error objects.
pub struct Object {
    pub dict: RefCell<Dict>,
    /// Error objects (spec §9.3) display as their message.
    pub is_error: bool,
    counted: Cell<usize>,
    gc: heap::GcSlot,
}

const OBJECT_HEADER: usize = std::mem::size_of::<Object>() + 16;
const ENTRY_BYTES: usize = 48;

impl Object {
    pub fn new(dict: Dict) -> Rc<Object> {
        Object::with_flag(dict, false)
    }

    pub fn new_error(dict: Dict) -> Rc<Object> {
        Object::with_flag(dict, true)
    }

    fn with_flag(dict: Dict, is_error: bool) -> Rc<Object> {
        let bytes = OBJECT_HEADER + dict.capacity() * ENTRY_BYTES;
        let site = heap::on_alloc(bytes);
        let obj = Rc::new(Object {
            dict: RefCell::new(dict),
            is_error,
            counted: Cell::new(bytes),
            gc: heap::GcSlot::new(site),
        });
        heap::track(&obj, &obj.gc);
        obj
    }

    pub fn account(&self) {
        let bytes = OBJECT_HEADER + self.dict.borrow().capacity() * ENTRY_BYTES;
        let old = self.counted.get();
        if bytes > old {
            self.gc.grow(old, bytes - old);
            self.counted.set(bytes);
        }
    }
}

impl Drop for Object {
    fn drop(&mut self) {
        heap::on_free(self.counted.get(), self.gc.tag());
    }
}

impl Trace for Object {
    fn trace(&self, f: &mut dyn FnMut(&Value)) {
        for (k, v) in self.dict.borrow().iter() {
            f(k);
            f(v);
        }
    }
    fn clear(&self) {
        let dict = std::mem::take(&mut *self.dict.borrow_mut());
        drop(dict);
    }
}

/// The cell of a captured variable (shared by the defining frame and its closures).
pub struct VarCell {
    pub value: RefCell<Value>,
    gc: heap::GcSlot,
}

impl VarCell {
    pub fn new(v: Value) -> Rc<VarCell> {
        let site = heap::on_alloc(std::mem::size_of::<VarCell>() + 16);
        let cell = Rc::new(VarCell { value: RefCell::new(v), gc: heap::GcSlot::new(site) });
        heap::track(&cell, &cell.gc);
        cell
    }

    pub fn get(&self) -> Value {
        self.value.borrow().clone()
    }

    pub fn set(&self, v: Value) {
        *self.value.borrow_mut() = v;
    }
}

impl Drop for VarCell {
    fn drop(&mut self) {
        heap::on_free(std::mem::size_of::<VarCell>() + 16, self.gc.tag());
        // A cell holding a cell (only crafted bytecode makes one: `MakeCell` in a loop)
        // may start a chain millions deep; it is freed without a recursion as deep.
        if matches!(self.value.get_mut(), Value::Cell(_)) {
            drop_deep(vec![std::mem::take(self.value.get_mut())]);
        }
    }
}

impl Trace for VarCell {
    fn trace(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.value.borrow());
    }
    fn clear(&self) {
        let v = std::mem::take(&mut *self.value.borrow_mut());
        drop(v);
    }
}

/// A function value made by a `function` statement or an arrow expression.
pub struct Closure {
    pub code: Rc<CodeObject>,
    pub upvalues: Upvalues,
    gc: heap::GcSlot,
}

impl Closure {
    pub fn new(code: Rc<CodeObject>, upvalues: Upvalues) -> Rc<Closure> {
        let bytes = std::mem::size_of::<Closure>() + 16 + upvalues.heap_bytes();
        let site = heap::on_alloc(bytes);
        let tracked = !upvalues.is_empty();
        let closure = Rc::new(Closure { code, upvalues, gc: heap::GcSlot::new(site) });
        if tracked {
            heap::track(&closure, &closure.gc);
        }
        closure
    }
}

impl Drop for Closure {
    fn drop(&mut self) {
        heap::on_free(
            std::mem::size_of::<Closure>() + 16 + self.upvalues.heap_bytes(),
            self.gc.tag(),
        );
    }
}

impl Trace for Closure {
    fn trace(&self, f: &mut dyn FnMut(&Value)) {
        for cell in self.upvalues.iter() {
            f(&Value::Cell(cell.clone()));
        }
    }
    fn clear(&self) {}
}

/// The captured variables of a closure. A single capture, the common case, is stored
/// inline: one allocation less per closure.
pub enum Upvalues {
    One(Rc<VarCell>),
    Many(Box<[Rc<VarCell>]>),
}

impl Upvalues {
    /// No captured variables (a module's top level, or a function that captures nothing).
    pub fn none() -> Upvalues {
        Upvalues::Many(Box::new([]))
    }

    /// Bytes allocated apart from the closure.
    fn heap_bytes(&self) -> usize {
        match self {
            Upvalues::One(_) => 0,
            Upvalues::Many(cells) => cells.len() * std::mem::size_of::<Rc<VarCell>>(),
        }
    }
}

impl std::ops::Deref for Upvalues {
    type Target = [Rc<VarCell>];
    #[inline]
    fn deref(&self) -> &[Rc<VarCell>] {
        match self {
            Upvalues::One(cell) => std::slice::from_ref(cell),
            Upvalues::Many(cells) => cells,
        }
    }
}

impl FromIterator<Rc<VarCell>> for Upvalues {
    fn from_iter<I: IntoIterator<Item = Rc<VarCell>>>(iter: I) -> Upvalues {
        let mut iter = iter.into_iter();
        let Some(first) = iter.next() else { return Upvalues::none() };
        match iter.next() {
            None => Upvalues::One(first),
            Some(second) => Upvalues::Many([first, second].into_iter().chain(iter).collect()),
        }
    }
}

/// A method bound to its receiver (`m = s.upper;`).
pub struct BoundMethod {
    pub receiver: Value,
    pub name: Rc<Str>,
}

/// A module value: the prelude module `builtin`, an ML module, or a namespace.
pub struct Module {
    pub name: String,
    /// Members in definition order. ML module members are the cells of its top-level
    /// variables, so reads see the current value.
    pub members: RefCell<Vec<(Rc<Str>, ModuleMember)>>,
}

#[derive(Clone)]
pub enum ModuleMember {
    Value(Value),
    Variable(Rc<VarCell>),
}

impl Module {
    pub fn new(name: impl Into<String>) -> Rc<Module> {
        Rc::new(Module { name: name.into(), members: RefCell::new(Vec::new()) })
    }

    pub fn add(&self, name: &str, member: ModuleMember) {
        self.members.borrow_mut().push((Str::new(name), member));
    }

    /// The member's current value; `None` when there is no such member or its variable
    /// has no value yet.
    pub fn get(&self, name: &str) -> Option<Value> {
        let members = self.members.borrow();
        let (_, member) = members.iter().find(|(n, _)| n.as_str() == name)?;
        Module::value_of(member)
    }

    /// `get` through a call site's cache: `hint` remembers the member's position from
    /// the last lookup (`math.sqrt(x)` in a loop compares one name, not every name).
    pub fn get_cached(&self, name: &str, hint: &Cell<u32>) -> Option<Value> {
        let members = self.members.borrow();
        let at = hint.get() as usize;
        let (_, member) = match members.get(at) {
            Some(entry) if entry.0.as_str() == name => entry,
            _ => {
                let at = members.iter().position(|(n, _)| n.as_str() == name)?;
                hint.set(at as u32);
                &members[at]
            }
        };
        Module::value_of(member)
    }

    fn value_of(member: &ModuleMember) -> Option<Value> {
        match member {
            ModuleMember::Value(v) => Some(v.clone()),
            ModuleMember::Variable(cell) => match cell.get() {
                Value::Uninit => None,
                v => Some(v),
            },
        }
    }

    pub fn member_names(&self) -> Vec<String> {
        self.members.borrow().iter().map(|(n, _)| n.as_str().to_owned()).collect()
    }
}

/// The `Iterator` library object (spec §11.4).
pub struct IteratorObj {
    pub state: RefCell<IterState>,
    site: u32,
}

pub enum IterState {
    /// Reads the array by position, like `for`.
    Array {
        array: Rc<Array>,
        pos: usize,
    },
    /// Byte offset of the next character.
    Str {
        text: Rc<Str>,
        byte_pos: usize,
    },
    /// Object keys; a change of the key set since iteration started raises.
    Keys {
        object: Rc<Object>,
        pos: usize,
        version: u64,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    Done,
}

impl IteratorObj {
    pub fn new(state: IterState) -> Rc<IteratorObj> {
        let site = heap::on_alloc(std::mem::size_of::<IteratorObj>() + 16);
        Rc::new(IteratorObj { state: RefCell::new(state), site })
    }
}

impl Drop for IteratorObj {
    fn drop(&mut self) {
        heap::on_free(std::mem::size_of::<IteratorObj>() + 16, self.site);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deeply_nested_values_are_freed_without_deep_recursion() {
        // A test thread has a 2 MiB stack: a recursive free of a million nested arrays,
        // or of a million composed functions, would overflow it.
        let mut a = Value::array(Vec::new());
        for _ in 0..1_000_000 {
            a = Value::array(vec![a, Value::Null]);
        }
        drop(a);
        fn made(_: &mut crate::vm::Vm, _: &[Value], _: &[Value]) -> crate::error::Result<Value> {
            Ok(Value::Null)
        }
        let mut f = Value::Null;
        for _ in 0..1_000_000 {
            f = Value::Native(crate::natives::NativeFunction::made("functional", made, vec![f]));
        }
        drop(f);
    }

    #[test]
    fn cells_nested_a_million_deep_are_freed_without_deep_recursion() {
        // Crafted bytecode (`MakeCell` in a loop, read from a cache file) nests cells.
        let mut c = Value::Null;
        for _ in 0..1_000_000 {
            c = Value::Cell(VarCell::new(c));
        }
        drop(c);
    }

    #[test]
    fn value_is_16_bytes() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }

    #[test]
    fn short_strings_are_one_64_byte_allocation() {
        // With the reference counts, an `Rc<Str>` takes 56 bytes, text of up to 24 bytes
        // included: one 64-byte block from the allocator.
        assert_eq!(std::mem::size_of::<Str>(), 40);
        assert!(!Str::new("epsilon7").text.is_heap_allocated());
    }
}
