//! Calls and returns: frames pushed for ML functions, natives and methods called in
//! place, and results delivered to the caller.

use std::rc::Rc;

use crate::bytecode::CodeObject;
use crate::error::{type_error, ErrorKind, Result, RuntimeError};
use crate::hooks::Hooks;
use crate::value::Value;
use crate::vm::{FrameKind, Vm};

/// Where the result of a returning frame goes.
pub(super) enum Returned {
    /// Into the caller's absolute slot (the callee's register).
    Caller(usize),
    /// To the caller of `run`: the frame was the entry frame.
    Entry,
    /// The frame ran a module's top level for import number `.0`; the binding goes to the
    /// absolute slot `.1`.
    Import(u16, usize),
}

/// What a call instruction did.
pub(super) enum CallOutcome {
    /// A new ML frame was pushed: reload the frame state.
    Pushed,
    /// A native ran; its result is in place.
    Done,
}

impl Vm {
    /// Calls the function that `Instr::LookupMethod` put in a method call's receiver
    /// slot: `call`, kept out of line so that the run loop holds one copy of it.
    #[inline(never)]
    pub(super) fn call_looked_up<H: Hooks>(
        &mut self,
        abs: usize,
        argc: usize,
    ) -> Result<CallOutcome> {
        self.call::<H>(abs, argc)
    }

    /// `Instr::LookupMethod` for every receiver but a string or an array whose kind has
    /// the method: `AttributeError` if the member is missing; an object's or a module's
    /// function replaces the receiver at `abs` (out of line, to keep the run loop small).
    #[inline(never)]
    pub(super) fn lookup_method(&mut self, abs: usize, code: &CodeObject, name: u16) -> Result<()> {
        let Value::Str(key) = &code.consts()[name as usize] else { return Ok(()) };
        let hint = &code.prop_cache()[name as usize];
        let found = match &self.stack[abs] {
            Value::Object(o) => match o.dict.borrow().get_str_cached(key, hint) {
                Some(f) if f.is_callable() => Some(f.clone()),
                Some(_) => None,
                None => return Err(crate::methods::no_property_to_call(key)),
            },
            Value::Module(m) => match m.get_cached(key.as_str(), hint) {
                Some(f) if f.is_callable() => Some(f),
                Some(_) => None,
                None => return Err(crate::methods::no_module_member(m, key.as_str())),
            },
            recv if crate::methods::has_method(recv, key) => None,
            recv => return Err(crate::methods::no_method(recv, key.as_str())),
        };
        if let Some(f) = found {
            self.stack[abs] = f;
        }
        Ok(())
    }

    /// Pops the current frame (dropping its handlers and releasing its registers) and
    /// tells where its result goes.
    // Inlined into the run loop: 8% fewer instructions on fib(25) (callgrind). The frame
    // is read field by field and dropped in place: moving it out whole copied it with
    // 16-byte loads that straddle the narrower stores `push_frame` made moments before,
    // and every such load waits for the stores to drain (store-to-load forwarding fails).
    #[inline(always)]
    pub(super) fn pop_frame<H: Hooks>(&mut self) -> Returned {
        if H::ENABLED {
            H::exit_function(self);
        }
        let depth = self.frames.len() - 1;
        while self.handlers.last().is_some_and(|h| h.frame >= depth) {
            self.handlers.pop();
        }
        let frame = &self.frames[depth];
        let returned = match &frame.kind {
            FrameKind::Call => Returned::Caller(frame.base - 1),
            FrameKind::Import { import, dst } => Returned::Import(*import, *dst),
            FrameKind::Entry => Returned::Entry,
        };
        let window = frame.base..frame.top();
        // The frame goes first: with the registers released first, LLVM no longer knew
        // that exactly one frame is dropped and looped over the truncated ones (15
        // instructions per return instead of 3 on fib).
        self.frames.truncate(depth);
        self.stack.release(window);
        returned
    }

    /// Delivers the result `v` of a frame that `pop_frame` popped. Returns `Some` when the
    /// frame was the one `run` was started for (its result is `run`'s).
    #[inline(always)]
    pub(super) fn deliver(&mut self, returned: Returned, v: Value) -> Option<Value> {
        match returned {
            Returned::Caller(slot) => self.stack[slot].put(v),
            Returned::Import(import, dst) => self.finish_import(import, dst),
            Returned::Entry => return Some(v),
        }
        None
    }

    /// Calls the function in `abs` with the `argc` arguments above it.
    // Inlined into the run loop, like `pop_frame`.
    #[inline(always)]
    pub(super) fn call<H: Hooks>(&mut self, abs: usize, argc: usize) -> Result<CallOutcome> {
        if let Value::Function(c) = &self.stack[abs] {
            if argc != c.code.n_params() as usize {
                return Err(arity_error(&c.code, argc));
            }
            if self.frames.len() >= self.limits.max_depth {
                return Err(recursion_error(self.limits.max_depth));
            }
            // The callee's reference moves out of its register (which receives the
            // result): an ML frame owns it without a count update on call or return.
            let Some(c) = self.stack[abs].take_function() else {
                unreachable!("the register holds a function")
            };
            if H::ENABLED {
                H::enter_function(self, &c.code);
            }
            self.push_frame(c, abs + 1, FrameKind::Call);
            return Ok(CallOutcome::Pushed);
        }
        if let Some(n) = self.stack[abs].take_native() {
            let mut args = std::mem::take(&mut self.arg_buf);
            args.extend(self.stack[abs + 1..abs + 1 + argc].iter_mut().map(std::mem::take));
            if H::ENABLED {
                H::enter_native(self, &n);
            }
            let res = n.call(self, &args);
            if H::ENABLED {
                H::exit_native(self);
            }
            args.clear();
            self.arg_buf = args;
            self.stack[abs].put(res?);
            self.check_interrupt()?;
            return Ok(CallOutcome::Done);
        }
        match std::mem::take(&mut self.stack[abs]) {
            Value::Bound(b) => {
                let mut args = std::mem::take(&mut self.arg_buf);
                args.extend(self.stack[abs + 1..abs + 1 + argc].iter_mut().map(std::mem::take));
                if H::ENABLED {
                    H::enter_method(
                        self,
                        crate::methods::method_prefix(&b.receiver),
                        b.name.as_str(),
                    );
                }
                let res = crate::methods::call_method(self, &b.receiver, &b.name, &args);
                if H::ENABLED {
                    H::exit_native(self);
                }
                args.clear();
                self.arg_buf = args;
                self.stack[abs] = res?;
                self.check_interrupt()?;
                Ok(CallOutcome::Done)
            }
            other => Err(not_callable(&other)),
        }
    }

    /// `receiver.name(args)` with the receiver in `abs` and the arguments above it. An
    /// object's property is looked up through `hint`, the call site's inline cache.
    pub(super) fn call_method<H: Hooks>(
        &mut self,
        abs: usize,
        argc: usize,
        name: &Rc<crate::value::Str>,
        hint: Option<&std::cell::Cell<u32>>,
    ) -> Result<CallOutcome> {
        let func = match &self.stack[abs] {
            Value::Object(o) => match hint.map_or_else(
                || o.dict.borrow().get_str(name).cloned(),
                |hint| o.dict.borrow().get_str_cached(name, hint).cloned(),
            ) {
                Some(f) => f,
                None => return Err(crate::methods::no_property_to_call(name)),
            },
            Value::Module(m) => match hint
                .map_or_else(|| m.get(name.as_str()), |hint| m.get_cached(name.as_str(), hint))
            {
                Some(f) => f,
                None => return Err(crate::methods::no_module_member(m, name.as_str())),
            },
            _ => {
                let recv = std::mem::take(&mut self.stack[abs]);
                let mut args = std::mem::take(&mut self.arg_buf);
                args.extend(self.stack[abs + 1..abs + 1 + argc].iter_mut().map(std::mem::take));
                if H::ENABLED {
                    H::enter_method(self, crate::methods::method_prefix(&recv), name.as_str());
                }
                let res = crate::methods::call_method(self, &recv, name, &args);
                if H::ENABLED {
                    H::exit_native(self);
                }
                args.clear();
                self.arg_buf = args;
                self.stack[abs] = res?;
                self.check_interrupt()?;
                return Ok(CallOutcome::Done);
            }
        };
        if !func.is_callable() {
            return Err(type_error(format!(
                "property `{}` is not a function: it is {}",
                name.as_str(),
                func.type_name()
            )));
        }
        self.stack[abs] = func;
        self.call::<H>(abs, argc)
    }
}

#[cold]
pub(crate) fn arity_error(code: &CodeObject, got: usize) -> RuntimeError {
    let n = code.n_params();
    type_error(format!(
        "{}() takes {n} argument{} but {got} {} given",
        code.name(),
        if n == 1 { "" } else { "s" },
        if got == 1 { "was" } else { "were" }
    ))
}

#[cold]
pub(crate) fn recursion_error(limit: usize) -> RuntimeError {
    RuntimeError::new(ErrorKind::RecursionError, format!("maximum call depth of {limit} exceeded"))
}

#[cold]
pub(crate) fn not_callable(v: &Value) -> RuntimeError {
    type_error(format!("{} is not callable", v.type_name()))
}
