//! Integration tests of the profiler through its public API: the exactness rules, the
//! reports and the JSON form (compared with golden files), and report selection.

mod exactness;
mod golden;
mod scenario;
mod selection;
