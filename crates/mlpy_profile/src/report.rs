//! The text reports: their names, their selection, their options, and `Profile`'s methods
//! that render them. Every report is a pure function of a `Profile` and `RenderOptions`.
//!
//! - `ml-summary`: for people optimizing their ML code (`report/ml_summary.rs`).
//! - `ml-details`: every ML function, grouped by file (`report/ml_details.rs`).
//! - `dev-summary`: for mlpy developers, the category table (`report/dev_summary.rs`).
//! - `dev-details`: per category its top items, the profiler's cost, recommendations for
//!   the runtime (`report/dev_details.rs`).
//! - `raw`: cProfile's text format, pstats' `print_stats()` (`report/raw.rs`).
//! - `callers` and `callees`: pstats' `print_callers()` and `print_callees()`
//!   (`report/raw.rs`).
//!
//! `all` selects the seed's five reports (ml-summary to raw); `callers` and `callees` are
//! selected by name only, since they grow with every caller → callee pair and
//! `raw` already gives the cProfile view of the run.
//!
//! The first five reports end with exactly one newline; the three pstats views end as
//! pstats ends them (`raw`, `callers` and `callees` with two blank lines after the rows).
//! Reports rendered together are separated by one blank line (`Profile::render`).
//!
//! The recommendations of `ml-summary` and `dev-details` each state the figures they rest
//! on and fire only above a floor of significance (the reports' module docs give the rules).

use std::fmt;
use std::str::FromStr;

use crate::profile::Profile;

mod analysis;
mod dev_details;
mod dev_summary;
mod ml_details;
pub(crate) mod ml_summary;
mod raw;

/// One of the text reports.
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
    /// `raw`: cProfile's text format (pstats' `print_stats()`).
    Raw,
    /// `callers`: pstats' `print_callers()`, each function with the functions that called it.
    Callers,
    /// `callees`: pstats' `print_callees()`, each function with the functions it called.
    Callees,
}

impl ReportKind {
    /// The five reports `all` selects, in the order it renders them.
    pub const ALL: [ReportKind; 5] = [
        ReportKind::MlSummary,
        ReportKind::MlDetails,
        ReportKind::DevSummary,
        ReportKind::DevDetails,
        ReportKind::Raw,
    ];

    /// Every report, in the order `--help` and error messages list them.
    pub const EVERY: [ReportKind; 7] = [
        ReportKind::MlSummary,
        ReportKind::MlDetails,
        ReportKind::DevSummary,
        ReportKind::DevDetails,
        ReportKind::Raw,
        ReportKind::Callers,
        ReportKind::Callees,
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
            ReportKind::Callers => "callers",
            ReportKind::Callees => "callees",
        }
    }

    /// Whether the report is one of pstats' views (`raw`, `callers`, `callees`), which
    /// `--sort` orders and `--limit` cuts.
    pub fn is_pstats_view(self) -> bool {
        matches!(self, ReportKind::Raw | ReportKind::Callers | ReportKind::Callees)
    }

    /// Parses one `--report` value: a report's name, or `all` for the five of `ALL`.
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
        ReportKind::EVERY.into_iter().find(|kind| kind.name() == s).ok_or_else(|| {
            let names: Vec<_> = ReportKind::EVERY.iter().map(|kind| kind.name()).collect();
            format!("unknown report `{s}` (valid: {}, all)", names.join(", "))
        })
    }
}

/// The order of the `raw`, `callers` and `callees` reports (`--sort`): pstats' sorts.
///
/// Each orders as `pstats.Stats.sort_stats` does, by the same fields in the same
/// direction (times and counts from the largest, names from the smallest). Where pstats
/// keeps its dictionary's order among equal rows, we order them by their printed name
/// (`filename:lineno(function)`, then the `(file, line, name)` key), so that the order is
/// the same on every run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// `calls`, `ncalls`: by number of calls, most first ("call count").
    Calls,
    /// `cumulative`, `cumtime`: by total time, most first ("cumulative time"); the default.
    #[default]
    CumTime,
    /// `filename`, `module` (and `file`, a prefix): by file name ("file name").
    Filename,
    /// `line`: by line number ("line number").
    Line,
    /// `name`: by function name ("function name").
    Name,
    /// `nfl`: by function name, then file name, then line ("name/file/line").
    Nfl,
    /// `pcalls`: by primitive calls, most first ("primitive call count").
    PrimitiveCalls,
    /// `stdname`: by the printed `filename:lineno(function)` ("standard name").
    StdName,
    /// `time`, `tottime`: by self time, most first ("internal time").
    TotTime,
}

/// pstats' sort keys in the order of its `sort_arg_dict_default`, with the sort each
/// selects (the order matters for which abbreviations are unique, see `SortKey::from_str`).
const PSTATS_KEYS: [(&str, SortKey); 13] = [
    ("calls", SortKey::Calls),
    ("ncalls", SortKey::Calls),
    ("cumtime", SortKey::CumTime),
    ("cumulative", SortKey::CumTime),
    ("filename", SortKey::Filename),
    ("line", SortKey::Line),
    ("module", SortKey::Filename),
    ("name", SortKey::Name),
    ("nfl", SortKey::Nfl),
    ("pcalls", SortKey::PrimitiveCalls),
    ("stdname", SortKey::StdName),
    ("time", SortKey::TotTime),
    ("tottime", SortKey::TotTime),
];

impl SortKey {
    /// Every sort, in the order of the names pstats gives them.
    pub const ALL: [SortKey; 9] = [
        SortKey::Calls,
        SortKey::CumTime,
        SortKey::Filename,
        SortKey::Line,
        SortKey::Name,
        SortKey::Nfl,
        SortKey::PrimitiveCalls,
        SortKey::StdName,
        SortKey::TotTime,
    ];

    /// The thirteen names pstats accepts in full (abbreviations aside).
    pub const NAMES: [&'static str; 13] = [
        "calls",
        "ncalls",
        "cumtime",
        "cumulative",
        "filename",
        "line",
        "module",
        "name",
        "nfl",
        "pcalls",
        "stdname",
        "time",
        "tottime",
    ];

    /// The sort's usual name (one of `NAMES`).
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Calls => "calls",
            SortKey::CumTime => "cumtime",
            SortKey::Filename => "filename",
            SortKey::Line => "line",
            SortKey::Name => "name",
            SortKey::Nfl => "nfl",
            SortKey::PrimitiveCalls => "pcalls",
            SortKey::StdName => "stdname",
            SortKey::TotTime => "tottime",
        }
    }

    /// pstats' description of the order, printed after `Ordered by:`.
    pub fn description(self) -> &'static str {
        match self {
            SortKey::Calls => "call count",
            SortKey::CumTime => "cumulative time",
            SortKey::Filename => "file name",
            SortKey::Line => "line number",
            SortKey::Name => "function name",
            SortKey::Nfl => "name/file/line",
            SortKey::PrimitiveCalls => "primitive call count",
            SortKey::StdName => "standard name",
            SortKey::TotTime => "internal time",
        }
    }

    /// Every string `from_str` accepts, with its sort: pstats' `get_sort_arg_defs()`.
    ///
    /// pstats walks its keys in order and adds each key and its prefixes, from the longest,
    /// until it meets a prefix already added; that prefix is then removed (it is
    /// ambiguous), and the shorter ones stay with the earlier key. So `cu` is accepted
    /// (for `cumtime`) while `cum` and `c` are not, `to` and `ti` are, `t` is not.
    pub fn accepted() -> Vec<(String, SortKey)> {
        let mut res: Vec<(String, SortKey)> = Vec::new();
        let mut bad: Vec<String> = Vec::new();
        for (word, key) in PSTATS_KEYS {
            let mut fragment = word;
            while !fragment.is_empty() {
                if res.iter().any(|(known, _)| known == fragment) {
                    bad.push(fragment.to_owned());
                    break;
                }
                res.push((fragment.to_owned(), key));
                fragment = &fragment[..fragment.len() - 1];
            }
        }
        res.retain(|(word, _)| !bad.contains(word));
        res
    }
}

impl fmt::Display for SortKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for SortKey {
    type Err = String;
    /// One of pstats' thirteen sort keys, or an abbreviation pstats accepts (see
    /// `SortKey::accepted`).
    fn from_str(s: &str) -> Result<SortKey, String> {
        SortKey::accepted().into_iter().find(|(word, _)| word == s).map(|(_, key)| key).ok_or_else(
            || {
                format!(
                    "unknown sort key `{s}` (valid: {}, or an unambiguous prefix of one)",
                    SortKey::NAMES.join(", ")
                )
            },
        )
    }
}

/// The options of the pstats views (`raw`, `callers`, `callees`); the other reports
/// ignore them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct RenderOptions {
    /// The order of the rows (`--sort`).
    pub sort: SortKey,
    /// At most this many rows (`--limit`), as pstats' `print_stats(N)`: with fewer rows
    /// than there are functions, the header says `List reduced from A to N due to
    /// restriction <N>`.
    pub limit: Option<usize>,
}

impl From<SortKey> for RenderOptions {
    fn from(sort: SortKey) -> RenderOptions {
        RenderOptions { sort, limit: None }
    }
}

/// The first five reports end with exactly one newline.
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

    /// `raw`: cProfile's text format (pstats' `print_stats()`), ordered by `options.sort`,
    /// cut to `options.limit` rows. A `SortKey` alone is accepted for the options.
    pub fn raw_report(&self, options: impl Into<RenderOptions>) -> String {
        raw::render_stats(self, options.into())
    }

    /// `callers`: pstats' `print_callers()`.
    pub fn callers_report(&self, options: impl Into<RenderOptions>) -> String {
        raw::render_callers(self, options.into())
    }

    /// `callees`: pstats' `print_callees()`.
    pub fn callees_report(&self, options: impl Into<RenderOptions>) -> String {
        raw::render_callees(self, options.into())
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

    /// One report. A `SortKey` alone is accepted for the options.
    pub fn report(&self, kind: ReportKind, options: impl Into<RenderOptions>) -> String {
        let options = options.into();
        match kind {
            ReportKind::MlSummary => self.ml_summary_report(),
            ReportKind::MlDetails => self.ml_details_report(),
            ReportKind::DevSummary => self.dev_summary_report(),
            ReportKind::DevDetails => self.dev_details_report(),
            ReportKind::Raw => self.raw_report(options),
            ReportKind::Callers => self.callers_report(options),
            ReportKind::Callees => self.callees_report(options),
        }
    }

    /// Several reports, in the given order, separated by a blank line (a pstats view
    /// already ends with two, and is followed by the next report directly). A `SortKey`
    /// alone is accepted for the options.
    pub fn render(&self, kinds: &[ReportKind], options: impl Into<RenderOptions>) -> String {
        let options = options.into();
        let mut out = String::new();
        for &kind in kinds {
            let text = self.report(kind, options);
            if !out.is_empty() && !text.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            out.push_str(&text);
        }
        out
    }
}
