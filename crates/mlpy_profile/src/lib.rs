//! The profile data model, the recorder, the clock and every report.
//!
//! The crate knows nothing of interpreter values or bytecode: its inputs are function ids
//! (with names, files, lines, kinds and categories), clock readings and allocation
//! counters. A [`Recorder`] receives enter/exit events on the hot path and builds a
//! calling-context tree; [`Recorder::finish`] turns it into a [`Profile`], pure data from
//! which every report ([`ReportKind`]) and the JSON form are pure functions.
//!
//! ```
//! use mlpy_profile::{
//!     AllocSample, Category, FakeClock, FunctionInfo, FunctionKind, Recorder, ReportKind,
//!     SortKey,
//! };
//!
//! let mut rec = Recorder::new(Box::new(FakeClock::new(1_000)), true);
//! rec.phase("parsing", Category::Parsing, 50_000, 4_096);
//! let ml = |name: &str, line| FunctionInfo {
//!     name: name.to_owned(),
//!     file: "fib.ml".to_owned(),
//!     line,
//!     kind: FunctionKind::Ml,
//!     category: Category::MlCode,
//! };
//! let module = rec.register(ml("<module>", 1));
//! let fib = rec.register(ml("fib", 1));
//! let alloc = AllocSample::default();
//! rec.enter(module, alloc);
//! rec.enter(fib, alloc); // fib(2) calls fib(1) and fib(0)
//! rec.enter(fib, alloc);
//! rec.exit(alloc);
//! rec.enter(fib, alloc);
//! rec.exit(alloc);
//! rec.exit(alloc);
//! rec.exit(alloc);
//! let profile = rec.finish("fib.ml");
//!
//! let fib = profile.function(profile.find_function("fib").unwrap());
//! assert_eq!((fib.calls, fib.primitive_calls), (3, 1));
//! let text = profile.render(&ReportKind::ALL, SortKey::CumTime);
//! assert!(text.starts_with("ML CODE PERFORMANCE SUMMARY"));
//! assert!(text.contains("3/1"));
//! ```
#![warn(missing_docs)]

mod clock;
mod export;
mod format;
mod json;
mod profile;
mod recorder;
mod report;

pub use crate::clock::thread_cpu_time;
pub use crate::clock::{Clock, ClockKind, DirectClock, FakeClock, MonotonicClock, ThreadCpuClock};
pub use crate::export::{ExportFormat, ExportOptions, FlameWeight};
pub use crate::json::SCHEMA;
pub use crate::profile::{
    Category, CategoryStats, ContextNode, EdgeStats, FunctionInfo, FunctionKind, FunctionStats,
    PhaseStats, Profile, ProfilerCost, Timeline, TimelineEvent,
};
pub use crate::recorder::{AllocSample, Calibration, EventPath, Recorder, SetAside};
pub use crate::report::{RenderOptions, ReportKind, SortKey};
