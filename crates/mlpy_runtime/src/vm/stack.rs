//! The value stack that holds every frame's registers, and the only way to reach them.
//!
//! A register is reached through a borrow of the [`Stack`]: [`Stack::reg`] borrows it
//! shared, [`Stack::reg_mut`] and [`Stack::pair`] exclusively. Everything that can run
//! code, unwind or free a frame — raising an error, calling a function or a native,
//! importing, a safepoint that collects cycles, a profiling hook — takes the whole `Vm`
//! by `&mut`, and the stack is a field of the `Vm`. So a reference into a register, or
//! into anything a register owns (a cell's `Ref`, an object's dict), cannot be alive
//! across such an operation: `rustc` rejects it (E0502). The run loop therefore copies
//! out what it needs (an int, a cloned value, the data of an error) before it raises or
//! calls, and reads registers anew afterwards.
//!
//! Holding a register across anything that needs the stack exclusively does not compile;
//! this is the shape of the `LoadCell` use-after-free that this type made impossible
//! (the unwinding `raise` takes the `Vm`, and with it the stack, by `&mut`):
//!
//! ```compile_fail,E0502
//! use mlpy_runtime::vm::stack::Stack;
//! use mlpy_runtime::Value;
//!
//! let mut stack = Stack::new();
//! stack.reserve(4);
//! // SAFETY: the stack has 4 slots.
//! let cell = unsafe { stack.reg(0, 1) };
//! // Unwinding releases the frame's registers, which needs the stack by `&mut` ...
//! stack.release_clamped(0..4);
//! // ... so the register borrowed before cannot be used after it.
//! assert!(matches!(cell, Value::Null));
//! ```
//!
//! The same code, with the register read again after the release, compiles:
//!
//! ```
//! use mlpy_runtime::vm::stack::Stack;
//! use mlpy_runtime::Value;
//!
//! let mut stack = Stack::new();
//! stack.reserve(4);
//! stack.release_clamped(0..4);
//! // SAFETY: the stack has 4 slots and never shrinks.
//! let cell = unsafe { stack.reg(0, 1) };
//! assert!(matches!(cell, Value::Null));
//! ```
//!
//! The accessors index without bounds checks; that is sound because every code object
//! is verified (`CodeObject::verify`: each register an instruction names is below the
//! frame's `n_regs`), `Vm::push_frame` reserves `base + n_regs` slots before a frame runs,
//! and the stack never shrinks (no method of this type removes slots).

use std::ops::{Deref, DerefMut, Range};

use crate::value::Value;

/// Slots every stack starts with (not counted toward the memory limit).
const INITIAL_SLOTS: usize = 1024;

/// The VM's value stack: frames are windows (`base..base + n_regs`) into it.
#[derive(Default)]
pub struct Stack {
    slots: Vec<Value>,
    /// The slots' bytes, counted toward the memory limit.
    counted: crate::heap::Counted,
}

impl Stack {
    /// An empty stack.
    pub fn new() -> Stack {
        Stack { slots: Vec::with_capacity(INITIAL_SLOTS), counted: crate::heap::Counted::default() }
    }

    /// Makes the stack at least `len` slots long (new slots are null). It never shrinks.
    #[inline]
    pub fn reserve(&mut self, len: usize) {
        if self.slots.len() < len {
            self.grow(len);
        }
    }

    /// Grows by doubling up to 1M slots (16 MiB), then by a quarter, so a deep recursion
    /// overshoots the memory limit by little before the next safepoint sees it.
    #[cold]
    fn grow(&mut self, len: usize) {
        let n = self.slots.len();
        let step = if n < 1 << 20 { n } else { n / 4 };
        let new_len = len.max(n + step).max(256);
        self.slots.reserve_exact(new_len - n);
        self.slots.resize(new_len, Value::Null);
        // The first `INITIAL_SLOTS` are the VM's fixed baseline, like the `Vm` itself.
        let extra = self.slots.capacity().saturating_sub(INITIAL_SLOTS);
        self.counted.set(extra * std::mem::size_of::<Value>());
    }

    /// Drops the references held in `window`, the registers of a frame that ends.
    /// Immediates may stay: every register is written before it is read, and locals are
    /// reset when a frame starts.
    #[inline(always)]
    pub fn release(&mut self, window: Range<usize>) {
        for slot in &mut self.slots[window] {
            if !slot.is_immediate() {
                *slot = Value::Null;
            }
        }
    }

    /// `release` for a window that may reach past the end of the stack.
    pub fn release_clamped(&mut self, window: Range<usize>) {
        let end = window.end.min(self.slots.len());
        self.release(window.start.min(end)..end);
    }

    /// Register `r` of the frame whose registers start at `base`.
    ///
    /// # Safety
    ///
    /// `base + r` is inside the stack. The run loop guarantees it for the registers an
    /// instruction names (see the module documentation).
    #[inline(always)]
    #[allow(unsafe_code)]
    pub unsafe fn reg(&self, base: usize, r: usize) -> &Value {
        debug_assert!(base + r < self.slots.len());
        // SAFETY: the caller guarantees that `base + r` is in bounds. (Pointer arithmetic
        // rather than `get_unchecked`: LLVM then keeps the stack's address in a register
        // across the run loop's writes; with `get_unchecked` it reloaded it, 4% more
        // instructions on bench/loop.)
        unsafe { &*self.slots.as_ptr().add(base + r) }
    }

    /// Register `r` of the frame whose registers start at `base`, to write.
    ///
    /// # Safety
    ///
    /// As for [`Stack::reg`].
    #[inline(always)]
    #[allow(unsafe_code)]
    pub unsafe fn reg_mut(&mut self, base: usize, r: usize) -> &mut Value {
        debug_assert!(base + r < self.slots.len());
        // SAFETY: the caller guarantees that `base + r` is in bounds.
        unsafe { &mut *self.slots.as_mut_ptr().add(base + r) }
    }

    /// Registers `src` (to read) and `dst` (to write) of one frame at once, or `None`
    /// when they are the same register. Used where a value owned by `src` (an object's
    /// property, a cell's content) is copied straight into `dst`: `dst` does not hold
    /// it, so overwriting `dst` cannot free what is being read.
    ///
    /// # Safety
    ///
    /// As for [`Stack::reg`], for both registers.
    #[inline(always)]
    #[allow(unsafe_code)]
    pub unsafe fn pair(
        &mut self,
        base: usize,
        src: usize,
        dst: usize,
    ) -> Option<(&Value, &mut Value)> {
        if src == dst {
            return None;
        }
        debug_assert!(base + src < self.slots.len() && base + dst < self.slots.len());
        let ptr = self.slots.as_mut_ptr();
        // SAFETY: both slots are in bounds (the caller's guarantee) and distinct (checked
        // above), so the shared and the exclusive reference do not overlap; both borrow
        // `self` exclusively for their lifetime.
        unsafe { Some((&*ptr.add(base + src), &mut *ptr.add(base + dst))) }
    }
}

/// Reading and writing slots by checked index and range (argument passing, arrays built
/// from registers); the length cannot change through it.
impl Deref for Stack {
    type Target = [Value];

    #[inline(always)]
    fn deref(&self) -> &[Value] {
        &self.slots
    }
}

impl DerefMut for Stack {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [Value] {
        &mut self.slots
    }
}
