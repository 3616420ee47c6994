//! The profile: pure data produced by `Recorder::finish` (or read back from JSON), from
//! which every report and export is a pure function.
//!
//! Times are in nanoseconds, with the profiler's own calibrated cost already subtracted;
//! memory is in bytes. The invariants a `Profile` keeps (checked by `from_json` for
//! profiles read from files): every index into `functions` is in range, a calling-context
//! node's parent comes before it, and `total_ns` is the sum of every function's self time.

use std::fmt;
use std::str::FromStr;

/// What kind of code a function is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FunctionKind {
    /// An ML function, an arrow function, or the top level of a file (`<module>`).
    Ml,
    /// A native function: a builtin (`len`), a stdlib function (`math.sqrt`), or a runtime
    /// service (garbage collection, …).
    Native,
    /// A method of a built-in type, named `TYPE.NAME` (`array.append`).
    Method,
    /// A pipeline phase measured by the caller (parsing, compilation, …).
    Phase,
}

impl FunctionKind {
    /// The name used in the JSON profile: `"ml"`, `"native"` or `"phase"`.
    pub fn name(self) -> &'static str {
        match self {
            FunctionKind::Ml => "ml",
            FunctionKind::Native => "native",
            FunctionKind::Method => "method",
            FunctionKind::Phase => "phase",
        }
    }
}

impl FunctionKind {
    /// Whether the code is the runtime's own (a native function or a method), not ML.
    pub fn is_native(self) -> bool {
        matches!(self, FunctionKind::Native | FunctionKind::Method)
    }
}

impl FromStr for FunctionKind {
    type Err = String;
    fn from_str(s: &str) -> Result<FunctionKind, String> {
        match s {
            "ml" => Ok(FunctionKind::Ml),
            "native" => Ok(FunctionKind::Native),
            "method" => Ok(FunctionKind::Method),
            "phase" => Ok(FunctionKind::Phase),
            _ => Err(format!("unknown function kind `{s}` (valid: ml, native, method, phase)")),
        }
    }
}

/// Where time goes, as the developer reports group it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// ML bytecode (self time of ML functions).
    MlCode,
    /// Native builtin and stdlib module functions.
    StandardLibrary,
    /// Capability checks, garbage collection, module resolution, error unwinding.
    RuntimeOverhead,
    /// Lexing and parsing.
    Parsing,
    /// The static security analysis.
    SecurityAnalysis,
    /// Compilation to bytecode.
    Compilation,
    /// Creating the VM, the stdlib registry and the capability context.
    SandboxStartup,
    /// Reading and writing the bytecode cache.
    Cache,
}

impl Category {
    /// Every category, in the order the reports list them.
    pub const ALL: [Category; 8] = [
        Category::MlCode,
        Category::StandardLibrary,
        Category::RuntimeOverhead,
        Category::Parsing,
        Category::SecurityAnalysis,
        Category::Compilation,
        Category::SandboxStartup,
        Category::Cache,
    ];

    /// The name shown in reports and stored in the JSON profile.
    pub fn name(self) -> &'static str {
        match self {
            Category::MlCode => "ML Code Execution",
            Category::StandardLibrary => "Standard Library",
            Category::RuntimeOverhead => "Runtime Overhead",
            Category::Parsing => "Parsing",
            Category::SecurityAnalysis => "Security Analysis",
            Category::Compilation => "Compilation",
            Category::SandboxStartup => "Sandbox Startup",
            Category::Cache => "Cache",
        }
    }

    /// The position of this category in `ALL`.
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Category {
    type Err = String;
    fn from_str(s: &str) -> Result<Category, String> {
        Category::ALL.into_iter().find(|c| c.name() == s).ok_or_else(|| {
            let names: Vec<_> = Category::ALL.iter().map(|c| c.name()).collect();
            format!("unknown category `{s}` (valid: {})", names.join(", "))
        })
    }
}

/// What the runtime tells the profiler about a function, once.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FunctionInfo {
    /// `fib`, `<module>`, `<lambda:12>`, `len`, `parsing`, …
    pub name: String,
    /// The source path as given on the command line (empty for natives and phases).
    pub file: String,
    /// The line of the definition (0 for natives and phases).
    pub line: u32,
    /// ML, native or phase.
    pub kind: FunctionKind,
    /// The category its self time is counted in.
    pub category: Category,
}

impl FunctionInfo {
    /// The key CPython's profilers give this function: `(file, line, name)`. ML functions
    /// are `(file, line, name)`; code with no source gets cProfile's key for built-ins,
    /// `("~", 0, "<...>")`, with the name cProfile 3.11 would print:
    /// `<built-in method builtins.len>`, `<built-in method math.sqrt>`,
    /// `<method 'append' of 'array' objects>`, and `<mlpy phase parsing>` for phases.
    pub fn pstats_key(&self) -> (&str, u32, String) {
        match self.kind {
            FunctionKind::Ml => (&self.file, self.line, self.name.clone()),
            FunctionKind::Native => {
                let qualified = if self.name.contains('.') || self.name.starts_with('<') {
                    self.name.clone()
                } else {
                    format!("builtins.{}", self.name)
                };
                ("~", 0, format!("<built-in method {qualified}>"))
            }
            FunctionKind::Method => {
                let (ty, method) = self.name.split_once('.').unwrap_or(("object", &self.name));
                ("~", 0, format!("<method '{method}' of '{ty}' objects>"))
            }
            FunctionKind::Phase => ("~", 0, format!("<mlpy phase {}>", self.name)),
        }
    }
}

/// A function's figures over the whole run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunctionStats {
    /// Who the function is.
    pub info: FunctionInfo,
    /// Every activation.
    pub calls: u64,
    /// Activations with no enclosing activation of the same function.
    pub primitive_calls: u64,
    /// Time spent in the function itself, not in its callees.
    pub self_ns: u64,
    /// Time from enter to exit, counted for primitive activations only (as cProfile does),
    /// so recursion is not counted twice.
    pub total_ns: u64,
    /// Bytes allocated while the function was the running one.
    pub alloc_bytes: u64,
    /// Allocations made while the function was the running one.
    pub alloc_count: u64,
    /// Bytes allocated by the function and still live at the end of the run.
    pub retained_bytes: u64,
}

/// The figures of one caller → callee pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EdgeStats {
    /// Index of the caller in `Profile::functions`.
    pub caller: u32,
    /// Index of the callee in `Profile::functions`.
    pub callee: u32,
    /// Calls of the callee made by the caller.
    pub calls: u64,
    /// Those calls made while no other call from this caller to this callee was active.
    pub primitive_calls: u64,
    /// The callee's self time in those calls.
    pub self_ns: u64,
    /// The callee's total time in those calls, counted for primitive calls only.
    pub total_ns: u64,
}

/// One node of the calling-context tree: one distinct call path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContextNode {
    /// Index of the function in `Profile::functions`.
    pub function: u32,
    /// Index of the parent node in `Profile::cct`, `None` at the top.
    pub parent: Option<u32>,
    /// Activations of this path.
    pub calls: u64,
    /// Self time of those activations.
    pub self_ns: u64,
    /// Inclusive time of those activations.
    pub total_ns: u64,
    /// Bytes allocated by those activations themselves (not their callees).
    pub alloc_bytes: u64,
    /// Allocations made by those activations themselves.
    pub alloc_count: u64,
}

/// A pipeline phase: startup, parsing, …, and `execution` (the VM's run, derived from the
/// activations).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhaseStats {
    /// The phase's name.
    pub name: String,
    /// Its duration.
    pub ns: u64,
    /// Bytes allocated during it.
    pub alloc_bytes: u64,
}

/// A category's share of the run: the self time and allocations of its functions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryStats {
    /// The category.
    pub category: Category,
    /// The self time of its functions.
    pub ns: u64,
    /// The bytes allocated by its functions.
    pub alloc_bytes: u64,
}

/// The profiler's own cost, as calibrated and subtracted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfilerCost {
    /// The clock's source (`tsc`, `os`, `fake`, …).
    pub clock: String,
    /// The calibrated cost of one event (an enter or an exit), in picoseconds.
    pub event_cost_ps: u64,
    /// The part of an enter/exit pair that falls between its two clock readings, in
    /// picoseconds: what an empty function appears to take.
    pub inside_cost_ps: u64,
    /// The extra cost of an enter that is not a repeat of the caller's last call, in
    /// picoseconds (`Calibration::slow_enter_ps`).
    pub slow_enter_cost_ps: u64,
    /// Enter and exit events recorded (two per timed activation; instantaneous calls,
    /// see `Recorder::instant`, have none).
    pub events: u64,
    /// The enters among them that were not a repeat of the caller's last call.
    pub slow_enters: u64,
    /// Nanoseconds subtracted from the measured times on account of the profiler.
    pub subtracted_ns: u64,
}

/// The run's events in order, recorded only with `--timeline` (`Recorder::record_timeline`),
/// for exports that show time as it passed (the Chrome trace). At most `cap` events are
/// kept; later ones are counted in `dropped`, and activations still open when the cap was
/// reached are closed at the last recorded event.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    /// The recorded events, in order.
    pub events: Vec<TimelineEvent>,
    /// The most events the log keeps.
    pub cap: u64,
    /// Events that happened after the cap was reached and were not recorded.
    pub dropped: u64,
}

/// One event of the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimelineEvent {
    /// Nanoseconds since the start of execution, the profiler's own cost not subtracted
    /// (the timeline shows time as it passed).
    pub ts_ns: u64,
    /// The function entered (index into `Profile::functions`), or `None` for the exit of
    /// the innermost open activation.
    pub enter: Option<u32>,
    /// The live heap in bytes at the event (0 when memory is not tracked).
    pub heap_bytes: u64,
}

/// A finished profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub(crate) program: String,
    pub(crate) total_ns: u64,
    pub(crate) peak_memory_bytes: u64,
    pub(crate) memory_tracked: bool,
    pub(crate) profiler: ProfilerCost,
    pub(crate) phases: Vec<PhaseStats>,
    pub(crate) categories: Vec<CategoryStats>,
    pub(crate) functions: Vec<FunctionStats>,
    pub(crate) edges: Vec<EdgeStats>,
    pub(crate) cct: Vec<ContextNode>,
    pub(crate) timeline: Option<Timeline>,
}

impl Profile {
    /// The program's path as given on the command line.
    pub fn program(&self) -> &str {
        &self.program
    }

    /// The run's total time: every phase, execution included, without the profiler's cost.
    pub fn total_ns(&self) -> u64 {
        self.total_ns
    }

    /// The peak of the live heap, as reported by the runtime.
    pub fn peak_memory_bytes(&self) -> u64 {
        self.peak_memory_bytes
    }

    /// Whether allocations were tracked (`false` under `--no-memory`).
    pub fn memory_tracked(&self) -> bool {
        self.memory_tracked
    }

    /// The profiler's own cost.
    pub fn profiler(&self) -> &ProfilerCost {
        &self.profiler
    }

    /// The phases in pipeline order.
    pub fn phases(&self) -> &[PhaseStats] {
        &self.phases
    }

    /// Every category, in `Category::ALL` order.
    pub fn categories(&self) -> &[CategoryStats] {
        &self.categories
    }

    /// Every function that ran, in the order they were registered.
    pub fn functions(&self) -> &[FunctionStats] {
        &self.functions
    }

    /// Every caller → callee pair, ordered by caller then callee.
    pub fn edges(&self) -> &[EdgeStats] {
        &self.edges
    }

    /// The calling-context tree; a parent always comes before its children.
    pub fn cct(&self) -> &[ContextNode] {
        &self.cct
    }

    /// The timeline of the run, when it was recorded (`--timeline`).
    pub fn timeline(&self) -> Option<&Timeline> {
        self.timeline.as_ref()
    }

    /// The profile with `timeline` attached in place of any recorded one: for tests and
    /// benchmarks of the exports that read it, which need timelines made by hand.
    pub fn with_timeline(mut self, timeline: Timeline) -> Profile {
        self.timeline = Some(timeline);
        self
    }

    /// The function with this index (from an edge, a tree node or `find_function`).
    ///
    /// # Panics
    ///
    /// If `idx` is not below `functions().len()`.
    pub fn function(&self, idx: u32) -> &FunctionStats {
        &self.functions[idx as usize]
    }

    /// The index of the first function with this name, if any.
    pub fn find_function(&self, name: &str) -> Option<u32> {
        self.functions.iter().position(|f| f.info.name == name).map(|idx| idx as u32)
    }
}
