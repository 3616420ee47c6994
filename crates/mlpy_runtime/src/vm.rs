//! The virtual machine: call frames are windows into one value stack, ML calls never
//! recurse on the Rust stack, and errors unwind to the innermost handler.
//!
//! Natives that call back into ML (`call`, sort keys, `map`) re-enter through `call_value`,
//! which runs a nested `run` loop that stops when the called function returns. That is the
//! only Rust-stack recursion: it is bounded by the same depth limit as ML calls, runs on a
//! stack that grows on the heap (`with_stack`), and the stack it takes counts toward the
//! memory limit (`Vm::charge_rust_stack`), so no depth of re-entry overflows the stack.

mod calls;
mod deadline;
mod dispatch;
mod gate;
mod imports;
mod slow;
#[doc(hidden)]
pub mod stack;
#[cfg(test)]
mod tests;
mod unwind;
mod watchdog;

pub use slow::iter_next;
pub(crate) use slow::key_of;

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::rc::Rc;
use std::time::{Duration, Instant};

use crate::bytecode::CodeObject;
use crate::error::{ErrorKind, Result, RuntimeError};
use crate::heap::Heap;
use crate::hooks::NoHooks;
use crate::profiling::{Profiler, RecordingHooks};
use crate::program::Program;
use crate::value::{Closure, Module, Value};
use stack::Stack;

/// Resource limits of one run (spec §1.4, DESIGN §3 invariant 4).
#[derive(Clone, Debug)]
pub struct Limits {
    /// Nested ML calls beyond this raise `RecursionError`.
    pub max_depth: usize,
    /// Wall-clock limit; exceeding it ends the run.
    pub timeout: Option<Duration>,
    /// Live heap limit in bytes; exceeding it ends the run. Without it, the implicit
    /// ceiling applies (`heap::implicit_ceiling`: half of the physical memory or of the
    /// cgroup's limit).
    pub max_memory: Option<u64>,
    /// How messages name `max_memory`, in the user's spelling (`64M`); by default in
    /// binary units (`64 MiB`).
    pub max_memory_text: Option<String>,
    /// How messages name `timeout` (`1`, `2.5s`); by default in seconds.
    pub timeout_text: Option<String>,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_depth: 10_000,
            timeout: None,
            max_memory: None,
            max_memory_text: None,
            timeout_text: None,
        }
    }
}

impl Limits {
    /// The memory limit in force and how messages name it: `max_memory`, else the
    /// implicit ceiling.
    fn memory(&self) -> (Option<u64>, String) {
        match self.max_memory {
            Some(max) => (
                Some(max),
                self.max_memory_text.clone().unwrap_or_else(|| crate::heap::human_bytes(max)),
            ),
            None => match crate::heap::implicit_ceiling() {
                Some((max, text)) => (Some(max), format!("the implicit ceiling of {text}")),
                None => (None, String::new()),
            },
        }
    }

    fn time_text(&self) -> String {
        match (&self.timeout_text, self.timeout) {
            (Some(text), _) => text.clone(),
            (None, Some(t)) => format!("{} s", t.as_secs_f64()),
            (None, None) => String::new(),
        }
    }
}

/// Where a frame's result goes when it returns.
#[derive(Clone, Copy, Debug)]
pub(crate) enum FrameKind {
    /// An ML call: the result replaces the callee in the caller's register `base - 1`.
    Call,
    /// The outermost frame of a `run` (the main program or a native's callback).
    Entry,
    /// A module's top level run by `import`: the binding goes to the absolute slot `dst`.
    Import { import: u16, dst: usize },
}

pub(crate) struct Frame {
    pub closure: Rc<Closure>,
    pub pc: usize,
    pub base: usize,
    pub kind: FrameKind,
}

impl Frame {
    /// One past the frame's last register.
    #[inline]
    pub fn top(&self) -> usize {
        self.base + self.closure.code.n_regs() as usize
    }
}

/// An installed `try` handler.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Handler {
    /// Index of the frame the handler belongs to.
    pub frame: usize,
    pub pc: usize,
    /// Absolute slot that receives the error.
    pub slot: usize,
    /// A finally handler receives the raw error (for re-raising), not an error object.
    pub finally: bool,
}

pub(crate) struct ModuleState {
    pub object: Option<Rc<Module>>,
}

pub struct Vm {
    /// Every frame's registers; reached only through borrows of it (see `stack`).
    pub(crate) stack: Stack,
    pub(crate) frames: Vec<Frame>,
    /// The frames' memory, counted toward the memory limit.
    frames_counted: crate::heap::Counted,
    /// Stack positions: at `run_main`'s start, and at each nested run loop's entry.
    main_sp: usize,
    entry_sp: Vec<usize>,
    /// The Rust stack that nested run loops take, counted toward the memory limit.
    rust_stack_bytes: usize,
    rust_stack_counted: crate::heap::Counted,
    pub(crate) handlers: Vec<Handler>,
    pub(crate) program: Rc<Program>,
    pub(crate) modules: Vec<ModuleState>,
    /// Namespace modules of dotted imports, per importing file and first component.
    pub(crate) namespaces: HashMap<(String, String), Rc<Module>>,
    pub(crate) limits: Limits,
    pub(crate) started: Instant,
    /// Instructions (back-edges and calls) until the next safepoint check.
    pub(crate) budget: u32,
    /// Arguments of native calls, reused between calls.
    pub(crate) arg_buf: Vec<Value>,
    out: Box<dyn Write>,
    err: Box<dyn Write>,
    input: Box<dyn BufRead>,
    /// Set when writing to standard output failed (a closed pipe); the run then ends.
    out_error: Option<std::io::Error>,
    /// Whether `input` is the process's standard input (then a read waits at most until
    /// the deadline: see `read_line`).
    input_is_stdin: bool,
    /// Present when the run is profiled; the run loop then uses `RecordingHooks`.
    pub(crate) profiler: Option<Box<Profiler>>,
    /// The standard modules imported so far, each built once.
    pub(crate) std_modules: Vec<Rc<Module>>,
    /// The generator of `math.random`.
    pub(crate) rng: crate::stdlib::Rng,
    /// The `log` module's default logger, made on its first use.
    pub(crate) default_logger: Option<Rc<crate::value::LibraryObject>>,
    /// This VM's heap: its allocation counters, allocation sites and cycle collector
    /// (active while the VM runs; see `heap`).
    pub(crate) heap: Heap,
    /// The run's permissions: every effect goes through its gate (`vm/gate.rs`).
    pub(crate) policy: Rc<mlpy_sandbox::Policy>,
    /// `args.all()`: the main file's path as given, then the program arguments.
    pub(crate) program_args: Vec<String>,
    /// Raised by the watchdog when the `--timeout` deadline passes (`vm/watchdog.rs`);
    /// read after every native call.
    pub(crate) interrupt: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

pub(crate) const SAFEPOINT_INTERVAL: u32 = 1024;

impl Vm {
    pub fn new(program: Rc<Program>, limits: Limits) -> Vm {
        let modules = program.modules.iter().map(|_| ModuleState { object: None }).collect();
        let heap = Heap::new();
        let (max_bytes, memory_text) = limits.memory();
        heap.set_limits(max_bytes, memory_text, None, limits.time_text());
        Vm {
            stack: Stack::new(),
            frames: Vec::with_capacity(64),
            frames_counted: crate::heap::Counted::default(),
            main_sp: 0,
            entry_sp: Vec::new(),
            rust_stack_bytes: 0,
            rust_stack_counted: crate::heap::Counted::default(),
            handlers: Vec::new(),
            program,
            modules,
            namespaces: HashMap::new(),
            limits,
            started: Instant::now(),
            budget: SAFEPOINT_INTERVAL,
            arg_buf: Vec::new(),
            out: Box::new(std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout())),
            err: Box::new(std::io::stderr()),
            input: Box::new(std::io::BufReader::new(std::io::stdin())),
            out_error: None,
            profiler: None,
            std_modules: Vec::new(),
            rng: crate::stdlib::Rng::unpredictable(),
            default_logger: None,
            heap,
            input_is_stdin: true,
            policy: Rc::new(mlpy_sandbox::Policy::deny_all()),
            program_args: Vec::new(),
            interrupt: Default::default(),
        }
    }

    /// Replaces standard output, error and input (tests capture them).
    pub fn set_io(&mut self, out: Box<dyn Write>, err: Box<dyn Write>, input: Box<dyn BufRead>) {
        self.out = out;
        self.err = err;
        self.input = input;
        self.input_is_stdin = false;
    }

    /// Profiles the run with `recorder` (call before `run_main`). The profiler's cost per
    /// event is calibrated here, through the hooks real events take
    /// (`profiling::calibrate`); whatever `recorder` recorded before is forgotten.
    pub fn enable_profiling(&mut self, recorder: mlpy_profile::Recorder) {
        self.profiler = Some(Box::new(Profiler::new(recorder)));
        crate::profiling::calibrate(self);
    }

    /// This VM's heap (its allocation counters and cycle collector).
    pub fn heap(&self) -> &Heap {
        &self.heap
    }

    /// Ends profiling and returns the recorder, with the peak live heap recorded.
    pub fn take_recorder(&mut self) -> Option<mlpy_profile::Recorder> {
        let mut recorder = self.profiler.take()?.into_recorder();
        self.heap.set_site(0);
        recorder.set_peak_memory(self.heap.stats().peak_live_bytes);
        Some(recorder)
    }

    /// After a native call: ends the run once the watchdog saw the deadline pass, a limit
    /// error is pending, or the call left the heap past its memory limit (a loop of array
    /// copies between two safepoints would otherwise grow by a thousand copies before the
    /// next check). Three tests inline; what they find is handled out of line.
    #[inline(always)]
    pub(crate) fn check_interrupt(&mut self) -> Result<()> {
        if self.interrupt.load(std::sync::atomic::Ordering::Relaxed)
            || crate::heap::has_pending()
            || crate::heap::over_limit()
        {
            return self.interrupted();
        }
        Ok(())
    }

    /// What `check_interrupt` found: the time limit, a pending limit error, or the heap
    /// past its memory limit (garbage held by cycles does not count, so it is collected
    /// before the run is ended, as the safepoint does).
    #[cold]
    #[inline(never)]
    fn interrupted(&mut self) -> Result<()> {
        if self.interrupt.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(self.time_limit_error());
        }
        crate::heap::take_pending()?;
        if crate::heap::over_limit() {
            self.collect_cycles();
            crate::heap::check_memory()?;
        }
        Ok(())
    }

    /// Runs the main file's top level to its end.
    pub fn run_main(&mut self) -> Result<()> {
        let _active = self.heap.activate();
        self.started = Instant::now();
        self.main_sp = stack_position();
        // A timeout too long to represent is no deadline at all.
        let deadline = self.limits.timeout.and_then(|t| self.started.checked_add(t));
        self.heap.set_deadline(deadline);
        if let Some(at) = deadline {
            watchdog::arm(at, &self.interrupt);
        }
        let code = self.program.main.clone();
        let top = self.frame_top();
        self.stack.release_clamped(top..usize::MAX);
        self.reserve(256);
        let res = self.call_code(code, Vec::new());
        self.flush();
        res.map(|_| ())
    }

    /// Writes buffered standard output. A failure (a closed pipe) is remembered: the
    /// next `write_out` ends the run, and `output_failure` tells the caller after it.
    pub fn flush(&mut self) {
        if self.out_error.is_none() {
            if let Err(e) = self.out.flush() {
                self.out_error = Some(e);
            }
        }
    }

    /// Writes `text` to standard output. When standard output can no longer be written
    /// (its reader went away), the program ends with an `OutputClosed` error, which no
    /// `except` catches: like other Unix tools, a program whose output is gone stops.
    pub fn write_out(&mut self, text: &str) -> Result<()> {
        if self.out_error.is_none() {
            if let Err(e) = self.out.write_all(text.as_bytes()) {
                self.out_error = Some(e);
            }
        }
        match &self.out_error {
            None => Ok(()),
            Some(e) => Err(RuntimeError::new(
                ErrorKind::OutputClosed,
                format!("cannot write standard output: {e}"),
            )),
        }
    }

    /// Why standard output could not be written, if it could not.
    pub fn output_failure(&self) -> Option<&std::io::Error> {
        self.out_error.as_ref()
    }

    pub fn write_err(&mut self, text: &str) {
        self.flush();
        let _ = self.err.write_all(text.as_bytes());
        let _ = self.err.flush();
    }

    /// Reads one line of standard input without its terminator; `None` at end of input.
    /// A run with a deadline waits for the process's standard input only until then
    /// (an error of kind `TimedOut`).
    pub fn read_line(&mut self) -> std::io::Result<Option<String>> {
        self.flush();
        let mut line = String::new();
        if self.input_is_stdin && self.limits.timeout.is_some() {
            if stdin_lines::read_line_until(&mut line)? == 0 {
                return Ok(None);
            }
        } else if self.input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        if line.ends_with('\n') {
            line.pop();
            if line.ends_with('\r') {
                line.pop();
            }
        }
        Ok(Some(line))
    }

    pub fn program(&self) -> &Program {
        &self.program
    }

    /// Names of the modules loaded so far (spec §11.10 `modules()`).
    pub fn loaded_module_names(&self) -> Vec<String> {
        let mut names = vec!["builtin".to_owned()];
        for (state, info) in self.modules.iter().zip(&self.program.modules) {
            if state.object.is_some() {
                names.push(info.name.clone());
            }
        }
        names.extend(self.std_modules.iter().map(|m| m.name.clone()));
        names
    }

    /// Calls any function value with `args` and returns its result. Used by natives that
    /// call back into ML; ML code calls functions with the `Call` instruction instead.
    pub fn call_value(&mut self, func: &Value, args: Vec<Value>) -> Result<Value> {
        let _active = self.heap.activate();
        // Natives that call natives (`compose` of `compose`s) recurse without ML frames.
        with_stack(|| self.call_value_here(func, args))
    }

    fn call_value_here(&mut self, func: &Value, args: Vec<Value>) -> Result<Value> {
        match func {
            Value::Function(c) => {
                if args.len() != c.code.n_params() as usize {
                    return Err(calls::arity_error(&c.code, args.len()));
                }
                self.call_closure(c.clone(), args)
            }
            Value::Native(n) => n.clone().call(self, &args),
            Value::Bound(b) => {
                let b = b.clone();
                crate::methods::call_method(self, &b.receiver, &b.name, &args)
            }
            other => Err(calls::not_callable(other)),
        }
    }

    /// Runs a code object of its own with no arguments, as the profiler's calibration
    /// does before the program starts (`profiling::calibrate`).
    pub(crate) fn call_code_for_calibration(&mut self, code: Rc<CodeObject>) -> Result<Value> {
        let _active = self.heap.activate();
        with_stack(|| self.call_code(code, Vec::new()))
    }

    fn call_code(&mut self, code: Rc<CodeObject>, args: Vec<Value>) -> Result<Value> {
        self.call_closure(Closure::new(code, crate::value::Upvalues::none()), args)
    }

    fn call_closure(&mut self, closure: Rc<Closure>, args: Vec<Value>) -> Result<Value> {
        if self.frames.len() >= self.limits.max_depth {
            return Err(calls::recursion_error(self.limits.max_depth));
        }
        // A native's callback runs a nested run loop on the Rust stack: the stack it
        // takes counts toward the memory limit while it runs.
        let nested = !self.frames.is_empty();
        let charged = if nested { self.charge_rust_stack()? } else { 0 };
        let top = self.frame_top();
        let base = top + 1;
        self.reserve(base + args.len());
        self.stack[top] = Value::Function(closure.clone());
        for (slot, arg) in self.stack[base..].iter_mut().zip(args) {
            *slot = arg;
        }
        let stop = self.frames.len();
        self.push_frame(closure, base, FrameKind::Entry);
        let res = with_stack(|| {
            if self.profiler.is_some() {
                self.run::<RecordingHooks>(stop)
            } else {
                self.run::<NoHooks>(stop)
            }
        });
        if nested {
            self.entry_sp.pop();
            self.rust_stack_bytes -= charged;
            self.rust_stack_counted.set(self.rust_stack_bytes);
        }
        self.stack[top] = Value::Null;
        res
    }

    /// Counts the Rust stack a nested run loop takes: the distance from the previous
    /// entry's stack position to this one (a native's frames, `call_value`, the run loop
    /// of the caller), measured, so it is right in every build. Refused past the memory
    /// limit. Returns the bytes charged.
    #[inline(never)]
    fn charge_rust_stack(&mut self) -> Result<usize> {
        let sp = stack_position();
        let previous = self.entry_sp.last().copied().unwrap_or(self.main_sp);
        // Across a change of stack segment (`with_stack`) the distance means nothing;
        // a level then takes about the red zone.
        let used = match previous.abs_diff(sp) {
            d if d > STACK_SEGMENT || previous == 0 => STACK_RED_ZONE / 8,
            d => d.max(256),
        };
        crate::heap::reserve_for(used as u64, "the Rust stack of a nested call")?;
        self.entry_sp.push(sp);
        self.rust_stack_bytes += used;
        self.rust_stack_counted.set(self.rust_stack_bytes);
        Ok(used)
    }

    /// One past the current frame's registers: where a new entry frame may start. Slot 0
    /// is reserved, so an empty VM's top is 1.
    pub(crate) fn frame_top(&self) -> usize {
        self.frames.last().map_or(1, Frame::top)
    }

    /// Makes the stack at least `len` slots long. The stack never shrinks: slots above the
    /// current frame's top are kept null, so frames are set up without allocating.
    #[inline]
    pub(crate) fn reserve(&mut self, len: usize) {
        self.stack.reserve(len);
    }

    /// Releases the registers of a frame that ends.
    #[inline]
    pub(crate) fn clear_window(&mut self, frame: &Frame) {
        self.stack.release_clamped(frame.base..frame.top());
    }

    /// Sets up a new frame for `closure` whose arguments are already in place at `base`.
    // Inlined into the call instruction: 5% fewer instructions on fib(25) (callgrind).
    #[inline(always)]
    #[allow(unsafe_code)]
    pub(crate) fn push_frame(&mut self, closure: Rc<Closure>, base: usize, kind: FrameKind) {
        let code = &closure.code;
        self.reserve(base + code.n_regs() as usize);
        if code.n_locals() > code.n_params() {
            for slot in
                &mut self.stack[base + code.n_params() as usize..base + code.n_locals() as usize]
            {
                *slot = Value::Uninit;
            }
        }
        for &r in code.cells().iter() {
            let slot = &mut self.stack[base + r as usize];
            let v = std::mem::take(slot);
            *slot = Value::Cell(crate::value::VarCell::new(v));
        }
        // The frame is written field by field into the spare capacity. `Vec::push` built
        // it in a temporary and copied that with 16-byte loads straddling the narrower
        // stores just made, a failed store-to-load forwarding on every call: fib(30)
        // took 178 ms with `push` and 154 ms with this (median CPU time of 15 runs each).
        if self.frames.len() == self.frames.capacity() {
            self.grow_frames();
        }
        let len = self.frames.len();
        self.frames.spare_capacity_mut()[0].write(Frame { closure, pc: 0, base, kind });
        // SAFETY: the element at `len` was initialised by the line above.
        unsafe { self.frames.set_len(len + 1) };
    }

    /// Makes room for one more frame, counting the frames' memory.
    #[cold]
    #[inline(never)]
    fn grow_frames(&mut self) {
        self.frames.reserve(1);
        self.frames_counted.set(self.frames.capacity() * std::mem::size_of::<Frame>());
    }

    /// Periodic checks: the cycle collector, the time limit and the memory limit (the
    /// limits of the VM's heap, active while it runs).
    #[cold]
    #[inline(never)]
    pub(crate) fn safepoint(&mut self) -> Result<()> {
        self.budget = SAFEPOINT_INTERVAL;
        crate::heap::take_pending()?;
        if let Some(p) = self.profiler.as_deref() {
            // A profiled run's call tree grows with its calls: it counts too.
            crate::heap::reserve_for(p.memory_bytes(), "the profiler's call tree")?;
        }
        if self.heap.collection_due() {
            self.collect_cycles();
        }
        if self.limits.timeout.is_some() {
            crate::heap::check_deadline()?;
        }
        if crate::heap::check_memory().is_err() {
            // Garbage held by cycles does not count: collect before giving up.
            self.collect_cycles();
            crate::heap::check_memory()?;
        }
        Ok(())
    }

    /// Runs the cycle collector; a profiled run times it as `<garbage collection>`, nested
    /// in the running function (safepoints are cold: the check costs an unprofiled run
    /// nothing).
    fn collect_cycles(&mut self) {
        use crate::hooks::{Hooks, RuntimeWork};
        let profiled = self.profiler.as_deref_mut().is_some_and(|p| p.recorder_mut().depth() > 0);
        if profiled {
            crate::profiling::RecordingHooks::enter_runtime(self, RuntimeWork::GarbageCollection);
        }
        self.heap.collect();
        if profiled {
            crate::profiling::RecordingHooks::exit_runtime(self);
        }
    }
}

/// Rust stack kept free below a nested run loop: more than one level of re-entry (a run
/// loop, a native and `call_value`) takes.
const STACK_RED_ZONE: usize = 256 << 10;
/// The size of each stack segment added when the Rust stack runs low.
const STACK_SEGMENT: usize = 2 << 20;

/// Runs `f` with at least `STACK_RED_ZONE` of Rust stack: on the current stack while it
/// has that much, else on a new segment allocated on the heap (`stacker`). So no depth of
/// re-entry (natives calling back into ML, whatever `--max-depth` allows) overflows the
/// Rust stack; the stack each nested run loop takes counts toward the memory limit
/// (`Vm::charge_rust_stack`), so the depth of re-entry is bounded by memory.
#[inline]
fn with_stack<R>(f: impl FnOnce() -> R) -> R {
    match stacker::remaining_stack() {
        Some(left) if left >= STACK_RED_ZONE => f(),
        _ => stacker::grow(STACK_SEGMENT, f),
    }
}

/// An address on the current Rust stack.
#[inline(always)]
fn stack_position() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// Standard input read on a helper thread, so that a run with a deadline stops waiting
/// for a line at the deadline (`Vm::read_line`).
mod stdin_lines {
    use std::io::BufRead;
    use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
    use std::sync::{Mutex, OnceLock};

    type Line = std::io::Result<String>;

    fn lines() -> &'static Mutex<Receiver<Line>> {
        static LINES: OnceLock<Mutex<Receiver<Line>>> = OnceLock::new();
        LINES.get_or_init(|| {
            let (tx, rx) = mpsc::sync_channel(1);
            let _ = std::thread::Builder::new().name("mlpy-stdin".to_owned()).spawn(move || {
                let stdin = std::io::stdin();
                loop {
                    let mut line = String::new();
                    let res = stdin.lock().read_line(&mut line).map(|_| line);
                    let end = matches!(&res, Ok(l) if l.is_empty()) || res.is_err();
                    if tx.send(res).is_err() || end {
                        return;
                    }
                }
            });
            Mutex::new(rx)
        })
    }

    /// Appends the next line of standard input to `line`; its length (0 at the end of
    /// input). Waits until the active heap's deadline at most.
    pub(super) fn read_line_until(line: &mut String) -> std::io::Result<usize> {
        let rx = lines().lock().unwrap_or_else(|e| e.into_inner());
        let got = loop {
            match rx.recv_timeout(std::time::Duration::from_millis(50)) {
                Ok(got) => break got,
                Err(RecvTimeoutError::Disconnected) => break Ok(String::new()),
                Err(RecvTimeoutError::Timeout) => {
                    if crate::heap::check_deadline().is_err() {
                        return Err(std::io::Error::new(
                            std::io::ErrorKind::TimedOut,
                            "the time limit ended the wait",
                        ));
                    }
                }
            }
        }?;
        line.push_str(&got);
        Ok(got.len())
    }
}
