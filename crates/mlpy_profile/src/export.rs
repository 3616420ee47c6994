//! Every file a profile can be written as, chosen by the output's extension or by
//! `--profile-format`: the text reports, the JSON profile, and the formats other tools
//! read (pstats, pprof, speedscope, collapsed stacks, SVG flame graphs, Chrome traces, a
//! self-contained HTML page). Each export is a pure function of a `Profile` and
//! `ExportOptions`, written after the run.
//!
//! - `pstats.rs`: `.prof`, Python's `marshal`led pstats dictionary.
//! - `pprof.rs`: `.pb.gz`, pprof's `profile.proto`, gzipped.
//! - `speedscope.rs`: `.speedscope.json`.
//! - `folded.rs`: `.folded`, collapsed stacks (`a;b;c N`).
//! - `svg.rs`: `.svg`, a flame graph.
//! - `trace.rs`: `.trace.json`, Chrome's Trace Event format.
//! - `html.rs`: `.html`, one self-contained interactive page.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use crate::profile::Profile;
use crate::report::{RenderOptions, ReportKind, SortKey};

mod folded;
mod html;
mod pprof;
mod pstats;
mod speedscope;
mod svg;
mod trace;

/// A file format a profile is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// The selected text reports (`.txt`).
    Text,
    /// The JSON profile, `mlpy-profile/1` (`.json`).
    Json,
    /// Python's pstats file (`.prof`).
    Pstats,
    /// pprof's gzipped protocol buffer (`.pb.gz`).
    Pprof,
    /// speedscope's file format (`.speedscope.json`).
    Speedscope,
    /// Collapsed stacks (`.folded`).
    Folded,
    /// A flame graph (`.svg`).
    Svg,
    /// Chrome's Trace Event format (`.trace.json`).
    Trace,
    /// A self-contained HTML page (`.html`).
    Html,
}

impl ExportFormat {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [ExportFormat; 9] = [
        ExportFormat::Text,
        ExportFormat::Json,
        ExportFormat::Pstats,
        ExportFormat::Pprof,
        ExportFormat::Speedscope,
        ExportFormat::Folded,
        ExportFormat::Svg,
        ExportFormat::Trace,
        ExportFormat::Html,
    ];

    /// The name given to `--profile-format`.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Text => "text",
            ExportFormat::Json => "json",
            ExportFormat::Pstats => "prof",
            ExportFormat::Pprof => "pprof",
            ExportFormat::Speedscope => "speedscope",
            ExportFormat::Folded => "folded",
            ExportFormat::Svg => "svg",
            ExportFormat::Trace => "trace",
            ExportFormat::Html => "html",
        }
    }

    /// The file name ending that selects the format.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Text => ".txt",
            ExportFormat::Json => ".json",
            ExportFormat::Pstats => ".prof",
            ExportFormat::Pprof => ".pb.gz",
            ExportFormat::Speedscope => ".speedscope.json",
            ExportFormat::Folded => ".folded",
            ExportFormat::Svg => ".svg",
            ExportFormat::Trace => ".trace.json",
            ExportFormat::Html => ".html",
        }
    }

    /// The format a file name's ending selects, if any (the longest ending wins:
    /// `p.speedscope.json` is speedscope's, `p.json` the JSON profile).
    pub fn from_path(path: &Path) -> Option<ExportFormat> {
        let name = path.file_name()?.to_str()?;
        ExportFormat::ALL
            .into_iter()
            .filter(|f| name.len() > f.extension().len() && name.ends_with(f.extension()))
            .max_by_key(|f| f.extension().len())
    }

    /// Whether the format is text a terminal can show (the others are written to files
    /// or pipes only).
    pub fn is_text(self) -> bool {
        !matches!(self, ExportFormat::Pstats | ExportFormat::Pprof)
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ExportFormat {
    type Err = String;
    /// A format's name; `txt` is accepted for `text`.
    fn from_str(s: &str) -> Result<ExportFormat, String> {
        let s = if s == "txt" { "text" } else { s };
        ExportFormat::ALL.into_iter().find(|f| f.name() == s).ok_or_else(|| {
            let names: Vec<_> = ExportFormat::ALL.iter().map(|f| f.name()).collect();
            format!("unknown profile format `{s}` (valid: {})", names.join(", "))
        })
    }
}

/// What a flame graph's widths (and collapsed stacks' weights) measure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum FlameWeight {
    /// Self time, in microseconds for collapsed stacks.
    #[default]
    Time,
    /// Bytes allocated.
    Memory,
}

impl FromStr for FlameWeight {
    type Err = String;
    fn from_str(s: &str) -> Result<FlameWeight, String> {
        match s {
            "time" => Ok(FlameWeight::Time),
            "memory" => Ok(FlameWeight::Memory),
            _ => Err(format!("unknown flame graph weight `{s}` (valid: time, memory)")),
        }
    }
}

/// The choices an export depends on besides the profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// The text reports, in order (`ExportFormat::Text`).
    pub reports: Vec<ReportKind>,
    /// The order of the `raw`, `callers` and `callees` reports.
    pub sort: SortKey,
    /// At most this many rows in the `raw`, `callers` and `callees` reports.
    pub limit: Option<usize>,
    /// What flame graphs and collapsed stacks weigh.
    pub flame: FlameWeight,
}

impl Default for ExportOptions {
    fn default() -> ExportOptions {
        ExportOptions {
            reports: vec![ReportKind::DEFAULT],
            sort: SortKey::default(),
            limit: None,
            flame: FlameWeight::default(),
        }
    }
}

impl Profile {
    /// The profile in `format`, as the bytes of a file.
    pub fn export(&self, format: ExportFormat, options: &ExportOptions) -> Vec<u8> {
        match format {
            ExportFormat::Text => {
                let render = RenderOptions { sort: options.sort, limit: options.limit };
                self.render(&options.reports, render).into_bytes()
            }
            ExportFormat::Json => self.to_json().into_bytes(),
            ExportFormat::Pstats => pstats::write(self),
            ExportFormat::Pprof => pprof::write(self),
            ExportFormat::Speedscope => speedscope::write(self).into_bytes(),
            ExportFormat::Folded => folded::write(self, options.flame).into_bytes(),
            ExportFormat::Svg => svg::write(self, options.flame).into_bytes(),
            ExportFormat::Trace => trace::write(self).into_bytes(),
            ExportFormat::Html => html::write(self).into_bytes(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension_and_name() {
        let by = |name: &str| ExportFormat::from_path(Path::new(name));
        assert_eq!(by("p.json"), Some(ExportFormat::Json));
        assert_eq!(by("dir/p.speedscope.json"), Some(ExportFormat::Speedscope));
        assert_eq!(by("p.trace.json"), Some(ExportFormat::Trace));
        assert_eq!(by("p.pb.gz"), Some(ExportFormat::Pprof));
        assert_eq!(by("p.gz"), None);
        assert_eq!(by(".json"), None);
        assert_eq!(by("p"), None);
        for f in ExportFormat::ALL {
            assert_eq!(f.name().parse::<ExportFormat>(), Ok(f));
            assert_eq!(by(&format!("x{}", f.extension())), Some(f));
        }
        assert!("yaml".parse::<ExportFormat>().unwrap_err().contains("pprof"));
    }
}
