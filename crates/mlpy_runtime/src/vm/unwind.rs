//! Unwinding: a raised error goes to the innermost handler, releasing the frames it
//! leaves.

use std::rc::Rc;

use crate::error::{Result, RuntimeError, TraceEntry};
use crate::hooks::{Hooks, RuntimeWork};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Raises `err` at the current frame's saved pc: finds the innermost handler at or
    /// above `stop` and continues there, or unwinds everything down to `stop`.
    ///
    /// Profiled, the raise of a new error (one with no stack trace yet) is one activation
    /// of `<error unwinding>` nested in the raising frame: entered first (the stack trace
    /// and the error object are its work and its allocations), ended once the handler's
    /// frame is ready or the frames down to `stop` are gone, and only then the unwound
    /// frames' activations end, innermost first, so the call tree stays a tree. An error
    /// raised again (out of a callback, through the native that called it, or at the end
    /// of a `finally` block) has its trace: one error is one unwinding, and its later legs
    /// (popping frames) are not timed apart, nor do they add a node to the call tree at
    /// every level of a deep re-entrant recursion.
    #[cold]
    #[inline(never)]
    pub(super) fn raise<H: Hooks>(&mut self, mut err: RuntimeError, stop: usize) -> Result<()> {
        let timed = H::ENABLED && err.trace().is_empty();
        if timed {
            H::enter_runtime(self, RuntimeWork::ErrorUnwinding);
        }
        self.annotate(&mut err);
        let handler = if err.is_catchable() {
            self.handlers.last().copied().filter(|h| h.frame >= stop)
        } else {
            None
        };
        let Some(h) = handler else {
            let unwound = self.frames.len().saturating_sub(stop);
            while self.frames.len() > stop {
                if let Some(f) = self.frames.pop() {
                    self.clear_window(&f);
                }
            }
            while self.handlers.last().is_some_and(|h| h.frame >= stop) {
                self.handlers.pop();
            }
            if H::ENABLED {
                self.end_unwinding::<H>(timed, unwound);
            }
            return Err(err);
        };
        self.handlers.pop();
        let unwound = self.frames.len() - (h.frame + 1);
        while self.frames.len() > h.frame + 1 {
            if let Some(f) = self.frames.pop() {
                self.clear_window(&f);
            }
        }
        let frame = self.frames.last_mut().expect("handler frame");
        frame.pc = h.pc;
        self.stack[h.slot] = if h.finally { Value::Raised(Rc::new(err)) } else { err.to_object() };
        if H::ENABLED {
            self.end_unwinding::<H>(timed, unwound);
        }
        Ok(())
    }

    /// Ends the `<error unwinding>` activation (if `timed`), then those of the `unwound`
    /// frames.
    #[cold]
    fn end_unwinding<H: Hooks>(&mut self, timed: bool, unwound: usize) {
        if timed {
            H::exit_runtime(self);
        }
        for _ in 0..unwound {
            H::exit_function(self);
        }
    }

    /// Fills in the line and the stack trace of an error at its raise point.
    #[cold]
    pub(crate) fn annotate(&self, err: &mut RuntimeError) {
        let inner = err.inner_mut();
        if inner.line.is_none() {
            if let Some(f) = self.frames.last() {
                inner.line = Some(f.closure.code.line_of_pc(f.pc.saturating_sub(1)));
            }
        }
        if inner.trace.is_empty() {
            let entry = |f: &super::Frame| {
                let code = &f.closure.code;
                let off = code.offsets().get(f.pc.saturating_sub(1)).copied().unwrap_or(0);
                let lc = code.file().line_col(off);
                TraceEntry {
                    function: code.name().to_owned(),
                    file: code.file().name().to_owned(),
                    line: lc.line,
                    col: lc.col,
                }
            };
            let n = self.frames.len();
            let keep = crate::error::TRACE_KEEP;
            if n <= 2 * keep {
                inner.trace = self.frames.iter().map(entry).collect();
            } else {
                inner.trace =
                    self.frames[..keep].iter().chain(&self.frames[n - keep..]).map(entry).collect();
                inner.trace_omitted = n - 2 * keep;
            }
        }
    }
}
