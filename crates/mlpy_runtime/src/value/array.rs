//! Arrays (spec §4.4) in two representations, like V8's "elements kinds": an array
//! whose items are all ints that fit in an `i64` stores them packed (`Items::Ints`, 8
//! bytes an item); the first time an item of another kind is stored, the array turns
//! into the generic representation (`Items::Values`, 16 bytes an item) and stays generic.
//! The change happens inside the one shared `Array`, so every reference to it sees it;
//! the representation is never observable from ML code.
//!
//! Only a generic array can hold references, so only generic arrays are registered with
//! the cycle collector: a packed array registers when it turns generic.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::rc::Rc;

use crate::heap::{self, Trace};
use crate::value::Value;

/// The items of an array. Invariant: `Ints` holds exactly the items (each an int that
/// fits in an `i64`); `Values` may hold anything, ints included.
pub enum Items {
    Ints(Vec<i64>),
    Values(Vec<Value>),
}

impl Items {
    #[inline]
    pub fn len(&self) -> usize {
        match self {
            Items::Ints(v) => v.len(),
            Items::Values(v) => v.len(),
        }
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The item at `i`.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        match self {
            Items::Ints(v) => v.get(i).map(|&n| Value::Int(n)),
            Items::Values(v) => v.get(i).cloned(),
        }
    }

    /// The items in order, borrowed where they are stored as values (no reference
    /// counting) and made on the fly where they are packed.
    pub fn iter(&self) -> ItemIter<'_> {
        match self {
            Items::Ints(v) => ItemIter::Ints(v.iter()),
            Items::Values(v) => ItemIter::Values(v.iter()),
        }
    }

    /// A copy of the items as values.
    pub fn to_vec(&self) -> Vec<Value> {
        match self {
            Items::Ints(v) => v.iter().map(|&n| Value::Int(n)).collect(),
            Items::Values(v) => v.clone(),
        }
    }

    /// A copy in the same representation.
    fn duplicate(&self) -> Items {
        match self {
            Items::Ints(v) => Items::Ints(v.clone()),
            Items::Values(v) => Items::Values(v.clone()),
        }
    }

    /// The bytes of the items' buffer, with the allocator's overhead (a 16-byte header
    /// and rounding, which small buffers feel most).
    fn buffer_bytes(&self) -> usize {
        let bytes = match self {
            Items::Ints(v) => v.capacity() * std::mem::size_of::<i64>(),
            Items::Values(v) => v.capacity() * std::mem::size_of::<Value>(),
        };
        if bytes == 0 {
            0
        } else {
            bytes + 16
        }
    }

    /// The same representation, empty.
    fn empty_like(&self) -> Items {
        match self {
            Items::Ints(_) => Items::Ints(Vec::new()),
            Items::Values(_) => Items::Values(Vec::new()),
        }
    }
}

/// The iterator of `Items::iter`.
pub enum ItemIter<'a> {
    Ints(std::slice::Iter<'a, i64>),
    Values(std::slice::Iter<'a, Value>),
}

impl<'a> Iterator for ItemIter<'a> {
    type Item = Cow<'a, Value>;

    #[inline]
    fn next(&mut self) -> Option<Cow<'a, Value>> {
        match self {
            ItemIter::Ints(it) => it.next().map(|&n| Cow::Owned(Value::Int(n))),
            ItemIter::Values(it) => it.next().map(Cow::Borrowed),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            ItemIter::Ints(it) => it.size_hint(),
            ItemIter::Values(it) => it.size_hint(),
        }
    }
}

impl ExactSizeIterator for ItemIter<'_> {}

/// The packed form of `values` when every one is an int.
fn pack(values: &[Value]) -> Option<Vec<i64>> {
    if !all_ints(values) {
        return None;
    }
    let mut ints = Vec::with_capacity(values.len());
    ints.extend(values.iter().map(|v| v.as_int().unwrap_or(0)));
    Some(ints)
}

/// Whether every value is an int (so packed items can take them).
fn all_ints(values: &[Value]) -> bool {
    values.iter().all(|v| matches!(v, Value::Int(_)))
}

/// The int of a value known to be one.
#[inline]
fn int_of(v: &Value) -> i64 {
    match v {
        Value::Int(n) => *n,
        _ => unreachable!("checked to be an int"),
    }
}

/// How many slots a full buffer of `len` items grows by: an eighth (at least 4), as
/// CPython's lists do, rather than doubling: arrays built by appending waste at most ~12%.
#[inline]
fn growth(len: usize) -> usize {
    (len / 8).max(4)
}

/// Appends `x`, growing a full buffer by `growth`.
fn push_slot<T>(vec: &mut Vec<T>, x: T) {
    if vec.len() == vec.capacity() {
        vec.reserve_exact(growth(vec.len()));
    }
    vec.push(x);
}

/// A mutable array (spec §4.4).
pub struct Array {
    items: RefCell<Items>,
    /// Bytes counted for this array: the header and the items' buffer, kept exact.
    counted: Cell<usize>,
    gc: heap::GcSlot,
}

/// The array's allocation: its reference counts, the `Array` and the allocator's header.
const ARRAY_HEADER: usize = std::mem::size_of::<Array>() + 32;

impl Array {
    /// A new array of `values`, packed when every one is an int.
    pub fn new(values: Vec<Value>) -> Rc<Array> {
        match pack(&values) {
            Some(ints) => Array::from_items(Items::Ints(ints)),
            None => Array::from_items(Items::Values(values)),
        }
    }

    /// A new packed array of ints.
    pub fn from_ints(ints: Vec<i64>) -> Rc<Array> {
        Array::from_items(Items::Ints(ints))
    }

    /// A new array of the values in `slots` (an array literal's temporaries), packed when
    /// every one is an int. The values are taken, except packed ints, which stay.
    #[inline(never)]
    pub fn from_slots(slots: &mut [Value]) -> Rc<Array> {
        let items = match pack(slots) {
            Some(ints) => Items::Ints(ints),
            None => Items::Values(slots.iter_mut().map(std::mem::take).collect()),
        };
        Array::from_items(items)
    }

    /// A new array of `items` as given (a generic array may hold only ints).
    pub fn from_items(items: Items) -> Rc<Array> {
        let bytes = ARRAY_HEADER + items.buffer_bytes();
        let site = heap::on_alloc(bytes);
        let generic = matches!(items, Items::Values(_));
        let arr = Rc::new(Array {
            items: RefCell::new(items),
            counted: Cell::new(bytes),
            gc: heap::GcSlot::new(site),
        });
        if generic {
            arr.register();
        }
        arr
    }

    fn register(self: &Rc<Self>) {
        heap::track(self, &self.gc);
    }

    /// The items, to read. No other borrow of this array may be taken while the view is
    /// held (reading it again is fine; changing it panics).
    #[inline]
    pub fn items(&self) -> Ref<'_, Items> {
        self.items.borrow()
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The item at `i`.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i)
    }

    /// The item at `i`, counting from the end when `i` is negative.
    #[inline]
    pub fn get_at(&self, i: i64) -> Option<Value> {
        match &*self.items.borrow() {
            Items::Values(v) => v.get(wrap_index(i, v.len())).cloned(),
            Items::Ints(v) => v.get(wrap_index(i, v.len())).map(|&n| Value::Int(n)),
        }
    }

    /// A copy of the items as values.
    pub fn to_vec(&self) -> Vec<Value> {
        self.items.borrow().to_vec()
    }

    /// A new array with the same items (and the same representation).
    pub fn copy(&self) -> Rc<Array> {
        let items = self.items.borrow().duplicate();
        Array::from_items(items)
    }

    /// A new array of the items at `indexes` (each in range), in that order.
    pub fn select(&self, indexes: impl Iterator<Item = usize>) -> Rc<Array> {
        let n = indexes.size_hint().0;
        let items = match &*self.items.borrow() {
            Items::Ints(v) => {
                let mut out = Vec::with_capacity(n);
                out.extend(indexes.filter_map(|i| v.get(i).copied()));
                Items::Ints(out)
            }
            Items::Values(v) => {
                let mut out = Vec::with_capacity(n);
                out.extend(indexes.filter_map(|i| v.get(i).cloned()));
                Items::Values(out)
            }
        };
        Array::from_items(items)
    }

    /// The bytes one item takes: 8 in a packed int array, 16 otherwise.
    pub fn item_bytes(&self) -> usize {
        match &*self.items.borrow() {
            Items::Ints(_) => std::mem::size_of::<i64>(),
            Items::Values(_) => std::mem::size_of::<Value>(),
        }
    }

    /// `a + b`: a new array of the items of both.
    pub fn concat(a: &Array, b: &Array) -> Rc<Array> {
        let (xs, ys) = (a.items.borrow(), b.items.borrow());
        if let (Items::Ints(x), Items::Ints(y)) = (&*xs, &*ys) {
            let mut out = Vec::with_capacity(x.len() + y.len());
            out.extend_from_slice(x);
            out.extend_from_slice(y);
            return Array::from_ints(out);
        }
        let mut out = Vec::with_capacity(xs.len() + ys.len());
        out.extend(xs.iter().map(Cow::into_owned));
        out.extend(ys.iter().map(Cow::into_owned));
        Array::new(out)
    }

    /// The items repeated `count` times, in a new array.
    pub fn repeat(&self, count: usize) -> Rc<Array> {
        match &*self.items.borrow() {
            Items::Ints(v) => Array::from_ints(v.repeat(count)),
            Items::Values(v) => {
                let mut out = Vec::with_capacity(v.len() * count);
                for _ in 0..count {
                    out.extend(v.iter().cloned());
                }
                Array::new(out)
            }
        }
    }

    /// Brings the byte accounting up to date with the items' buffer.
    fn recount(&self, items: &Items) {
        let bytes = ARRAY_HEADER + items.buffer_bytes();
        let old = self.counted.get();
        if bytes > old {
            self.gc.grow(old, bytes - old);
        } else if bytes < old {
            heap::on_free(old - bytes, self.gc.tag());
        }
        self.counted.set(bytes);
    }

    /// Turns packed items into generic ones with room for at least `room` more items,
    /// and registers the array with the cycle collector. The caller recounts.
    #[cold]
    #[inline(never)]
    fn generalize(self: &Rc<Self>, items: &mut Items, room: usize) {
        if let Items::Ints(ints) = items {
            let cap = ints.capacity().max(ints.len() + room);
            let mut values = Vec::with_capacity(cap);
            values.extend(ints.iter().map(|&n| Value::Int(n)));
            *items = Items::Values(values);
            self.register();
        }
    }

    /// The generic items, after turning packed items generic unless every value of
    /// `incoming` is an int; `None` when the items stay packed.
    fn values_for<'a>(
        self: &Rc<Self>,
        items: &'a mut Items,
        incoming: &[Value],
        room: usize,
    ) -> Option<&'a mut Vec<Value>> {
        if matches!(items, Items::Ints(_)) && !all_ints(incoming) {
            self.generalize(items, room);
        }
        match items {
            Items::Ints(_) => None,
            Items::Values(v) => Some(v),
        }
    }

    /// Appends an item.
    #[inline]
    pub fn push(self: &Rc<Self>, v: Value) {
        let mut items = self.items.borrow_mut();
        match (&mut *items, v) {
            (Items::Values(values), v) if values.len() < values.capacity() => values.push(v),
            (Items::Ints(ints), Value::Int(n)) if ints.len() < ints.capacity() => ints.push(n),
            (_, v) => {
                drop(items);
                self.push_slow(v);
            }
        }
    }

    /// `push(Value::Int(n))`, with the int passed in a register: a `Value` argument goes
    /// through memory, stored in two parts and reloaded whole, and that reload stalls
    /// (store-to-load forwarding fails). quicksort appends 4.9 million ints.
    #[inline]
    pub fn push_int(self: &Rc<Self>, n: i64) {
        let mut items = self.items.borrow_mut();
        match &mut *items {
            Items::Ints(ints) if ints.len() < ints.capacity() => ints.push(n),
            Items::Values(values) if values.len() < values.capacity() => values.push(Value::Int(n)),
            _ => {
                drop(items);
                self.push_slow(Value::Int(n));
            }
        }
    }

    /// `push` into a full buffer, or of a non-int item into packed items (which turn
    /// generic).
    #[inline(never)]
    fn push_slow(self: &Rc<Self>, v: Value) {
        let mut items = self.items.borrow_mut();
        match (&mut *items, v) {
            (Items::Values(values), v) => push_slot(values, v),
            (Items::Ints(ints), Value::Int(n)) => push_slot(ints, n),
            (items, v) => {
                let len = items.len();
                self.generalize(items, growth(len));
                if let Items::Values(values) = items {
                    values.push(v);
                }
            }
        }
        self.recount(&items);
    }

    /// Stores `v` at `i`, counting from the end when `i` is negative; `false` (and no
    /// change) when `i` is out of range.
    #[inline]
    pub fn set_at(self: &Rc<Self>, i: i64, v: Value) -> bool {
        let mut items = self.items.borrow_mut();
        let j = wrap_index(i, items.len());
        if j >= items.len() {
            return false;
        }
        match (&mut *items, v) {
            (Items::Ints(ints), Value::Int(n)) => ints[j] = n,
            (Items::Values(values), v) => {
                // The old item is dropped after the borrow ends: freeing it may run code
                // that reads this array (none today, but it costs nothing).
                let old = std::mem::replace(&mut values[j], v);
                drop(items);
                drop(old);
                return true;
            }
            (items @ Items::Ints(_), v) => {
                self.generalize(items, 0);
                if let Items::Values(values) = items {
                    values[j] = v;
                }
                self.recount(items);
            }
        }
        true
    }

    /// Appends every value of `new`.
    pub fn extend(self: &Rc<Self>, new: Vec<Value>) {
        let mut items = self.items.borrow_mut();
        match self.values_for(&mut items, &new, new.len()) {
            Some(values) => values.extend(new),
            None => {
                if let Items::Ints(ints) = &mut *items {
                    ints.extend(new.iter().map(int_of));
                }
            }
        }
        self.recount(&items);
    }

    /// Inserts `v` before position `pos` (clamped to the length).
    pub fn insert(self: &Rc<Self>, pos: usize, v: Value) {
        let mut items = self.items.borrow_mut();
        let pos = pos.min(items.len());
        match self.values_for(&mut items, std::slice::from_ref(&v), 1) {
            Some(values) => values.insert(pos, v),
            None => {
                if let Items::Ints(ints) = &mut *items {
                    ints.insert(pos, int_of(&v));
                }
            }
        }
        self.recount(&items);
    }

    /// Replaces the items in `from..to` (clamped to the length) by `new`.
    pub fn splice(self: &Rc<Self>, from: usize, to: usize, new: Vec<Value>) {
        let mut items = self.items.borrow_mut();
        let len = items.len();
        let (from, to) = (from.min(len), to.min(len).max(from.min(len)));
        let room = new.len().saturating_sub(to - from);
        let removed: Vec<Value> = match self.values_for(&mut items, &new, room) {
            Some(values) => values.splice(from..to, new).collect(),
            None => {
                if let Items::Ints(ints) = &mut *items {
                    ints.splice(from..to, new.iter().map(int_of));
                }
                Vec::new()
            }
        };
        self.recount(&items);
        drop(items);
        drop(removed);
    }

    /// Removes and returns the item at `i`; `None` when out of range.
    pub fn remove(&self, i: usize) -> Option<Value> {
        let mut items = self.items.borrow_mut();
        if i >= items.len() {
            return None;
        }
        Some(match &mut *items {
            Items::Ints(ints) => Value::Int(ints.remove(i)),
            Items::Values(values) => values.remove(i),
        })
    }

    pub fn reverse(&self) {
        match &mut *self.items.borrow_mut() {
            Items::Ints(ints) => ints.reverse(),
            Items::Values(values) => values.reverse(),
        }
    }

    /// Removes every item (keeping the representation).
    pub fn clear(&self) {
        let mut items = self.items.borrow_mut();
        let empty = items.empty_like();
        let old = std::mem::replace(&mut *items, empty);
        self.recount(&items);
        // Dropping the items may free other values; do it after releasing the borrow.
        drop(items);
        drop(old);
    }

    /// Sorts packed items in place (ascending); `false`, doing nothing, when the items
    /// are not packed. Equal ints cannot be told apart, so the sort need not be stable.
    pub fn sort_ints(&self, reverse: bool) -> bool {
        match &mut *self.items.borrow_mut() {
            Items::Ints(ints) => {
                ints.sort_unstable();
                if reverse {
                    ints.reverse();
                }
                true
            }
            Items::Values(_) => false,
        }
    }

    /// Replaces every item by `values` (packed again only if the array still is).
    pub fn assign(self: &Rc<Self>, values: Vec<Value>) {
        let mut items = self.items.borrow_mut();
        let new = match &*items {
            Items::Ints(_) => match pack(&values) {
                Some(ints) => Items::Ints(ints),
                None => {
                    self.register();
                    Items::Values(values)
                }
            },
            Items::Values(_) => Items::Values(values),
        };
        let old = std::mem::replace(&mut *items, new);
        self.recount(&items);
        drop(items);
        drop(old);
    }
}

/// The position `i` names in a sequence of `len` items, counting from the end when
/// negative; a position out of range comes out as `len` or more.
#[inline(always)]
pub fn wrap_index(i: i64, len: usize) -> usize {
    // `len` fits in an i64 (a buffer holds at most isize::MAX bytes), so `i + len` does
    // not overflow; a negative result becomes a huge usize.
    if i < 0 {
        (i + len as i64) as usize
    } else {
        i as usize
    }
}

impl Drop for Array {
    fn drop(&mut self) {
        heap::on_free(self.counted.get(), self.gc.tag());
        // Arrays nested ten million deep are freed without a recursion as deep.
        if let Items::Values(values) = self.items.get_mut() {
            if !values.is_empty() {
                super::drop_deep(std::mem::take(values));
            }
        }
    }
}

impl Trace for Array {
    fn trace(&self, f: &mut dyn FnMut(&Value)) {
        if let Items::Values(values) = &*self.items.borrow() {
            for v in values {
                f(v);
            }
        }
    }

    fn clear(&self) {
        Array::clear(self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The live bytes of values (the collector's registry, which keeps its places, aside).
    fn live() -> u64 {
        heap::stats().live_bytes - heap::registry_bytes() as u64
    }

    /// The bytes the array should have counted: its header and its buffer.
    fn expected(a: &Array) -> usize {
        ARRAY_HEADER + a.items().buffer_bytes()
    }

    fn is_packed(a: &Array) -> bool {
        matches!(&*a.items(), Items::Ints(_))
    }

    #[test]
    fn counts_follow_the_buffer_through_a_change_of_representation() {
        let start = live();
        let a = Array::new(Vec::new());
        assert!(is_packed(&a));
        for i in 0..100 {
            a.push(Value::Int(i));
        }
        assert!(is_packed(&a));
        assert_eq!(a.counted.get(), expected(&a));
        assert_eq!(live() - start, expected(&a) as u64);
        let packed_buffer = a.items().buffer_bytes();
        a.push(Value::str("s"));
        assert!(!is_packed(&a));
        assert!(a.items().buffer_bytes() >= 2 * packed_buffer, "16 bytes an item now");
        assert_eq!(a.counted.get(), expected(&a));
        // The string is one more live allocation.
        assert!(live() - start > expected(&a) as u64);
        a.extend(vec![Value::Int(1); 50]);
        a.insert(3, Value::Float(1.5));
        a.splice(0, 10, vec![Value::Null; 30]);
        assert_eq!(a.counted.get(), expected(&a));
        a.clear();
        assert_eq!(a.counted.get(), ARRAY_HEADER);
        drop(a);
        assert_eq!(live(), start);
    }

    #[test]
    fn every_change_of_representation_is_counted() {
        let start = live();
        let values = vec![Value::Int(1), Value::Int(2), Value::Int(3)];
        type Change = dyn Fn(&Rc<Array>);
        let changes: [&Change; 6] = [
            &|a| a.push(Value::Float(0.5)),
            &|a| assert!(a.set_at(-1, Value::str("x"))),
            &|a| a.extend(vec![Value::Int(4), Value::Null]),
            &|a| a.insert(0, Value::Bool(true)),
            &|a| a.splice(1, 2, vec![Value::array(vec![])]),
            &|a| a.assign(vec![Value::Int(1), Value::str("y")]),
        ];
        for change in changes {
            let a = Array::new(values.clone());
            assert!(is_packed(&a));
            change(&a);
            assert!(!is_packed(&a));
            assert_eq!(a.counted.get(), expected(&a));
            drop(a);
            assert_eq!(live(), start);
        }
        // Int items keep the array packed.
        let a = Array::new(values.clone());
        a.push(Value::Int(9));
        a.set_at(0, Value::Int(-1));
        a.extend(vec![Value::Int(7)]);
        a.insert(2, Value::Int(8));
        a.splice(0, 1, vec![Value::Int(6), Value::Int(5)]);
        a.assign(vec![Value::Int(3), Value::Int(2)]);
        assert!(is_packed(&a));
        assert_eq!(a.counted.get(), expected(&a));
        drop(a);
        assert_eq!(live(), start);
    }

    #[test]
    fn a_cycle_made_after_the_change_is_collected() {
        heap::collect();
        let start = live();
        let a = Array::new(vec![Value::Int(1), Value::Int(2)]);
        let b = Array::new(vec![Value::Int(3)]);
        a.push(Value::Array(b.clone()));
        b.set_at(0, Value::Array(a.clone()));
        drop((a, b));
        assert!(live() > start, "the cycle keeps both arrays alive");
        assert_eq!(heap::collect(), 2);
        assert_eq!(live(), start);
    }

    #[test]
    fn packed_and_generic_items_read_alike() {
        let packed = Array::new(vec![Value::Int(1), Value::Int(-2)]);
        let generic = Array::from_items(Items::Values(vec![Value::Int(1), Value::Int(-2)]));
        for a in [&packed, &generic] {
            assert_eq!(a.len(), 2);
            assert!(matches!(a.get_at(-1), Some(Value::Int(-2))));
            assert!(a.get_at(2).is_none() && a.get_at(-3).is_none());
            assert_eq!(crate::display::repr(&Value::Array(a.copy())), "[1, -2]");
            assert!(!a.set_at(2, Value::Null) && !a.set_at(i64::MIN, Value::Null));
        }
        assert!(is_packed(&Array::concat(&packed, &packed)));
        assert!(is_packed(&Array::concat(&packed, &generic)), "all ints: packed again");
        assert!(!is_packed(&Array::concat(&packed, &Array::new(vec![Value::Null]))));
        assert!(is_packed(&packed.repeat(3)) && packed.repeat(3).len() == 6);
    }
}
