//! The five text reports: their names, their selection, and `Profile`'s methods that
//! render them. Every report is a pure function of a `Profile`.
//!
//! - `ml-summary`: for people optimizing their ML code (`report/ml_summary.rs`).
//! - `ml-details`: every ML function, grouped by file (`report/ml_details.rs`).
//! - `dev-summary`: for mlpy developers, the category table (`report/dev_summary.rs`).
//! - `dev-details`: per category its top items, the profiler's cost, recommendations for
//!   the runtime (`report/dev_details.rs`).
//! - `raw`: cProfile's text format (`report/raw.rs`).

use std::fmt;
use std::str::FromStr;

use crate::profile::Profile;

mod analysis;
mod dev_details;
mod dev_summary;
mod ml_details;
mod ml_summary;
mod raw;

/// One of the five text reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReportKind {
    /// `ml-summary`: `ML CODE PERFORMANCE SUMMARY`.
    MlSummary,
    /// `ml-details`: `ML CODE DETAILED ANALYSIS`.
    MlDetails,
    /// `dev-summary`: `MLPY PERFORMANCE SUMMARY`.
    DevSummary,
    /// `dev-details`: `MLPY INTERNAL PERFORMANCE ANALYSIS`.
    DevDetails,
    /// `raw`: cProfile's text format.
    Raw,
}

impl ReportKind {
    /// The five reports, in the order `all` renders them.
    pub const ALL: [ReportKind; 5] = [
        ReportKind::MlSummary,
        ReportKind::MlDetails,
        ReportKind::DevSummary,
        ReportKind::DevDetails,
        ReportKind::Raw,
    ];

    /// The report shown when none is selected.
    pub const DEFAULT: ReportKind = ReportKind::MlSummary;

    /// The name given to `--report`.
    pub fn name(self) -> &'static str {
        match self {
            ReportKind::MlSummary => "ml-summary",
            ReportKind::MlDetails => "ml-details",
            ReportKind::DevSummary => "dev-summary",
            ReportKind::DevDetails => "dev-details",
            ReportKind::Raw => "raw",
        }
    }

    /// Parses one `--report` value: a report's name, or `all` for the five in order.
    pub fn parse_selection(name: &str) -> Result<Vec<ReportKind>, String> {
        if name == "all" {
            Ok(ReportKind::ALL.to_vec())
        } else {
            name.parse().map(|kind| vec![kind])
        }
    }

    /// Parses every `--report` value, in order, without duplicates; no value selects the
    /// default report.
    pub fn parse_selections<S: AsRef<str>>(names: &[S]) -> Result<Vec<ReportKind>, String> {
        let mut res = Vec::new();
        for name in names {
            for kind in ReportKind::parse_selection(name.as_ref())? {
                if !res.contains(&kind) {
                    res.push(kind);
                }
            }
        }
        if res.is_empty() {
            res.push(ReportKind::DEFAULT);
        }
        Ok(res)
    }
}

impl fmt::Display for ReportKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ReportKind {
    type Err = String;
    fn from_str(s: &str) -> Result<ReportKind, String> {
        ReportKind::ALL.into_iter().find(|kind| kind.name() == s).ok_or_else(|| {
            let names: Vec<_> = ReportKind::ALL.iter().map(|kind| kind.name()).collect();
            format!("unknown report `{s}` (valid: {}, all)", names.join(", "))
        })
    }
}

/// The order of the `raw` report's rows (`--sort`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// By self time (cProfile's "internal time").
    TotTime,
    /// By total time (cProfile's "cumulative time"), the default.
    #[default]
    CumTime,
    /// By number of calls.
    Calls,
    /// By function name.
    Name,
}

impl SortKey {
    /// Every key.
    pub const ALL: [SortKey; 4] =
        [SortKey::TotTime, SortKey::CumTime, SortKey::Calls, SortKey::Name];

    /// The name given to `--sort`.
    pub fn name(self) -> &'static str {
        match self {
            SortKey::TotTime => "tottime",
            SortKey::CumTime => "cumtime",
            SortKey::Calls => "calls",
            SortKey::Name => "name",
        }
    }
}

impl fmt::Display for SortKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for SortKey {
    type Err = String;
    /// Also accepts pstats's names `time`, `cumulative` and `ncalls`.
    fn from_str(s: &str) -> Result<SortKey, String> {
        match s {
            "tottime" | "time" => Ok(SortKey::TotTime),
            "cumtime" | "cumulative" => Ok(SortKey::CumTime),
            "calls" | "ncalls" => Ok(SortKey::Calls),
            "name" => Ok(SortKey::Name),
            _ => Err(format!("unknown sort key `{s}` (valid: tottime, cumtime, calls, name)")),
        }
    }
}

/// Every report ends with exactly one newline, so that reports join with one blank line.
fn one_final_newline(mut text: String) -> String {
    while text.ends_with("\n\n") {
        text.pop();
    }
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

impl Profile {
    /// `ml-summary`: total time, ML code time and share, mlpy overhead, peak memory, the
    /// top ten ML functions, the per-file breakdown, and recommendations.
    pub fn ml_summary_report(&self) -> String {
        one_final_newline(ml_summary::render(self))
    }

    /// `ml-details`: every ML function, grouped by file.
    pub fn ml_details_report(&self) -> String {
        one_final_newline(ml_details::render(self))
    }

    /// `dev-summary`: the category table, the phases, the top functions of every
    /// category.
    pub fn dev_summary_report(&self) -> String {
        one_final_newline(dev_summary::render(self))
    }

    /// `dev-details`: per category its top items, the profiler's own cost, and
    /// recommendations for the runtime.
    pub fn dev_details_report(&self) -> String {
        one_final_newline(dev_details::render(self))
    }

    /// `raw`: cProfile's text format, rows ordered by `sort`.
    pub fn raw_report(&self, sort: SortKey) -> String {
        one_final_newline(raw::render(self, sort))
    }

    /// The seed's name for the developer summary.
    #[deprecated(note = "use `dev_summary_report`")]
    pub fn summary_report(&self) -> String {
        self.dev_summary_report()
    }

    /// The seed's name for the developer details.
    #[deprecated(note = "use `dev_details_report`")]
    pub fn mlpy_analysis_report(&self) -> String {
        self.dev_details_report()
    }

    /// One report.
    pub fn report(&self, kind: ReportKind, sort: SortKey) -> String {
        match kind {
            ReportKind::MlSummary => self.ml_summary_report(),
            ReportKind::MlDetails => self.ml_details_report(),
            ReportKind::DevSummary => self.dev_summary_report(),
            ReportKind::DevDetails => self.dev_details_report(),
            ReportKind::Raw => self.raw_report(sort),
        }
    }

    /// Several reports, in the given order, separated by a blank line.
    pub fn render(&self, kinds: &[ReportKind], sort: SortKey) -> String {
        let reports: Vec<String> = kinds.iter().map(|&kind| self.report(kind, sort)).collect();
        reports.join("\n")
    }
}
