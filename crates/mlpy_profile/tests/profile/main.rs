//! Integration tests of the profiler through its public API: the exactness rules, the
//! reports and the JSON form (compared with golden files), and report selection.

mod advice;
mod exactness;
mod exports_a;
mod exports_b;
mod golden;
mod hostile;
mod oracle;
mod scenario;
mod selection;

/// An outside program a test reads an export with (python3, go, chromium, an npm
/// package) is missing: the test says so on stderr and passes, except under CI (`CI`
/// set), where a missing reader fails the test, so a test never passes by asserting
/// nothing where it matters.
#[allow(dead_code)] // the export tests call it
#[track_caller]
pub(crate) fn reader_missing(reader: &str, why: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("{reader} is needed to check this export and is missing: {why}");
    }
    eprintln!("SKIPPED: {reader} is missing ({why}); set CI=1 to make this a failure");
}
