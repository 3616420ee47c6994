//! The insertion-ordered map behind objects (spec §4.4): keys are null, booleans, ints,
//! floats and strings, compared by value (`1`, `1.0` and `-0.0 + 1` are one key; `true`
//! and `1` are not). A key keeps the form and position it was first stored with.

use std::cell::Cell;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::rc::Rc;

use indexmap::IndexMap;
use num_bigint::BigInt;
use num_traits::FromPrimitive;

use crate::value::{Str, Value};

/// A small, fast, non-cryptographic hasher (the rustc "Fx" hash).
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        for &b in chunks.remainder() {
            self.add(b as u64);
        }
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A valid object key. Construct with `Key::new`, which rejects invalid kinds and NaN.
#[derive(Clone)]
pub struct Key(Value);

/// Why a value cannot be an object key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyError {
    /// Not a key kind (`TypeError`).
    Kind,
    /// A NaN float (`ValueError`).
    Nan,
}

/// Whether two distinct strings have the same text (the hashes first: they are cached).
#[inline(never)]
fn same_text(a: &Str, b: &Str) -> bool {
    a.hash_code() == b.hash_code() && a.as_str() == b.as_str()
}

impl Key {
    pub fn new(v: Value) -> Result<Key, KeyError> {
        match &v {
            Value::Null | Value::Bool(_) | Value::Int(_) | Value::BigInt(_) | Value::Str(_) => {
                Ok(Key(v))
            }
            Value::Float(f) if f.is_nan() => Err(KeyError::Nan),
            Value::Float(_) => Ok(Key(v)),
            _ => Err(KeyError::Kind),
        }
    }

    /// A string key (always valid).
    pub fn string(s: std::rc::Rc<crate::value::Str>) -> Key {
        Key(Value::Str(s))
    }

    /// Whether this is the string key `s` (the same string, or an equal one).
    #[inline(always)]
    fn is_str(&self, s: &Rc<Str>) -> bool {
        match &self.0 {
            Value::Str(k) => Rc::ptr_eq(k, s) || same_text(k, s),
            _ => false,
        }
    }

    pub fn value(&self) -> &Value {
        &self.0
    }

    pub fn into_value(self) -> Value {
        self.0
    }
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match &self.0 {
            Value::Null => state.write_u64(0x9e37),
            Value::Bool(b) => state.write_u64(0x7f4a + *b as u64),
            Value::Int(i) => state.write_u64(*i as u64),
            Value::BigInt(b) => hash_bigint(b, state),
            Value::Float(f) => {
                if f.fract() == 0.0 {
                    if (-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(f) {
                        state.write_u64(*f as i64 as u64);
                    } else if let Some(b) = BigInt::from_f64(*f) {
                        hash_bigint(&b, state);
                    } else {
                        state.write_u64(f.to_bits());
                    }
                } else {
                    state.write_u64(f.to_bits());
                }
            }
            Value::Str(s) => state.write_u64(s.hash_code()),
            _ => state.write_u64(0),
        }
    }
}

fn hash_bigint<H: Hasher>(b: &BigInt, state: &mut H) {
    let (sign, digits) = b.to_u64_digits();
    state.write_u64(sign as u64);
    for d in digits {
        state.write_u64(d);
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        match (&self.0, &other.0) {
            (Value::Str(a), Value::Str(b)) => {
                std::rc::Rc::ptr_eq(a, b) || (a.hash_code() == b.hash_code() && a == b)
            }
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (a, b) if a.is_number() && b.is_number() => crate::ops::num_eq(a, b),
            _ => false,
        }
    }
}

impl Eq for Key {}

type Map = IndexMap<Key, Value, BuildHasherDefault<FxHasher>>;

/// An insertion-ordered map from keys to values.
#[derive(Clone, Default)]
pub struct Dict {
    map: Map,
    /// Incremented whenever a key is added or removed (`for` over an object checks it).
    version: u64,
}

impl Dict {
    pub fn with_capacity(n: usize) -> Dict {
        Dict { map: Map::with_capacity_and_hasher(n, Default::default()), version: 0 }
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn capacity(&self) -> usize {
        self.map.capacity()
    }

    pub fn version(&self) -> u64 {
        self.version
    }

    pub fn get(&self, key: &Key) -> Option<&Value> {
        self.map.get(key)
    }

    /// Looks up a string key.
    pub fn get_str(&self, key: &std::rc::Rc<crate::value::Str>) -> Option<&Value> {
        self.map.get(&Key::string(key.clone()))
    }

    /// Looks up a string key, trying first the position `hint` remembers from an earlier
    /// lookup: an inline cache for property instructions, which mostly see objects
    /// built alike. A miss looks the key up by hash and remembers its position.
    // The hit is inlined into the run loop; the lookup behind a miss is not.
    #[inline(always)]
    pub fn get_str_cached(&self, key: &Rc<Str>, hint: &Cell<u32>) -> Option<&Value> {
        if let Some((k, v)) = self.map.get_index(hint.get() as usize) {
            if k.is_str(key) {
                return Some(v);
            }
        }
        self.get_str_missed(key, hint)
    }

    #[inline(never)]
    fn get_str_missed(&self, key: &Rc<Str>, hint: &Cell<u32>) -> Option<&Value> {
        let (i, _, v) = self.map.get_full(&Key::string(key.clone()))?;
        hint.set(i as u32);
        Some(v)
    }

    /// The value under a string key that is already present, through the same cache as
    /// `get_str_cached`.
    #[inline(always)]
    pub fn get_str_cached_mut(&mut self, key: &Rc<Str>, hint: &Cell<u32>) -> Option<&mut Value> {
        let i = hint.get() as usize;
        if !self.map.get_index(i).is_some_and(|(k, _)| k.is_str(key)) {
            // A miss: the lookup moves the hint to the key, if it is present.
            self.get_str_missed(key, hint)?;
        }
        self.map.get_index_mut(hint.get() as usize).map(|(_, v)| v)
    }

    /// Sets a string key through the same cache as `get_str_cached`. Returns whether the
    /// key was new (the object grew).
    #[inline]
    pub fn set_str_cached(&mut self, key: &Rc<Str>, hint: &Cell<u32>, value: Value) -> bool {
        if let Some((k, slot)) = self.map.get_index_mut(hint.get() as usize) {
            if k.is_str(key) {
                slot.put(value);
                return false;
            }
        }
        let (index, added) = self.insert_full(Key::string(key.clone()), value);
        hint.set(index as u32);
        added
    }

    pub fn get_index_of(&self, key: &Key) -> Option<usize> {
        self.map.get_index_of(key)
    }

    pub fn get_index(&self, idx: usize) -> Option<(&Value, &Value)> {
        self.map.get_index(idx).map(|(k, v)| (&k.0, v))
    }

    pub fn get_index_mut(&mut self, idx: usize) -> Option<&mut Value> {
        self.map.get_index_mut(idx).map(|(_, v)| v)
    }

    /// Inserts or replaces; an existing key keeps its form and position.
    pub fn insert(&mut self, key: Key, value: Value) {
        self.insert_full(key, value);
    }

    /// `insert`, hashing the key once; returns the key's position and whether it is new.
    fn insert_full(&mut self, key: Key, value: Value) -> (usize, bool) {
        match self.map.entry(key) {
            indexmap::map::Entry::Occupied(mut e) => {
                e.get_mut().put(value);
                (e.index(), false)
            }
            indexmap::map::Entry::Vacant(e) => {
                let index = e.index();
                e.insert(value);
                self.version += 1;
                (index, true)
            }
        }
    }

    /// Inserts or replaces every entry of `other`, in its order.
    pub fn update(&mut self, other: &Dict) {
        for (key, value) in &other.map {
            self.insert(key.clone(), value.clone());
        }
    }

    /// Inserts a string key.
    pub fn insert_str(&mut self, key: &str, value: Value) {
        self.insert(Key(Value::str(key)), value);
    }

    pub fn contains(&self, key: &Key) -> bool {
        self.map.contains_key(key)
    }

    pub fn remove(&mut self, key: &Key) -> Option<Value> {
        let res = self.map.shift_remove(key);
        if res.is_some() {
            self.version += 1;
        }
        res
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.map.iter().map(|(k, v)| (&k.0, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &Value> {
        self.map.keys().map(|k| &k.0)
    }

    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.map.values()
    }
}

impl std::fmt::Debug for Dict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}
