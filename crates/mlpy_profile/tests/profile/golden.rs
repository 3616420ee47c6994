//! Every report and the JSON form of the scripted profiles, compared byte for byte with
//! the files in `tests/golden/`. Run with `MLPY_REGENERATE_GOLDEN=1` to rewrite them after
//! an intended change, then review the diff.

use std::path::PathBuf;

use mlpy_profile::{Profile, RenderOptions, ReportKind, SortKey};

use crate::scenario;

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("golden")
}

/// Compares `actual` with the golden file `name`, or rewrites it under
/// `MLPY_REGENERATE_GOLDEN=1`.
#[track_caller]
pub(crate) fn check(name: &str, actual: &str) {
    let path = golden_dir().join(name);
    if std::env::var_os("MLPY_REGENERATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::write(&path, actual).expect("the golden directory is writable");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("cannot read {}: {e}; run with MLPY_REGENERATE_GOLDEN=1", path.display())
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from its golden file at line {}\n\
             ---- expected\n{expected}\n---- actual\n{actual}\n\
             (run with MLPY_REGENERATE_GOLDEN=1 to accept the new output)",
            line + 1
        );
    }
}

fn check_all_reports(stem: &str, p: &Profile) {
    for kind in ReportKind::EVERY {
        let text = p.report(kind, SortKey::default());
        check(&format!("{stem}.{}.txt", kind.name()), &text);
        if kind.is_pstats_view() {
            assert!(
                text.ends_with("\n\n\n") && !text.ends_with("\n\n\n\n"),
                "{stem} {kind} ends as pstats ends it, with two blank lines"
            );
        } else {
            assert!(
                text.ends_with('\n') && !text.ends_with("\n\n"),
                "{stem} {kind} ends with one newline"
            );
            assert_eq!(text.lines().next(), Some(expected_title(kind)));
        }
    }
    check(&format!("{stem}.json"), &p.to_json());
    let back = Profile::from_json(&p.to_json()).expect("the JSON profile reads back");
    assert_eq!(&back, p, "{stem}: the JSON round trip keeps everything");
}

fn expected_title(kind: ReportKind) -> &'static str {
    match kind {
        ReportKind::MlSummary => "ML CODE PERFORMANCE SUMMARY",
        ReportKind::MlDetails => "ML CODE DETAILED ANALYSIS",
        ReportKind::DevSummary => "MLPY PERFORMANCE SUMMARY",
        ReportKind::DevDetails => "MLPY INTERNAL PERFORMANCE ANALYSIS",
        ReportKind::Raw | ReportKind::Callers | ReportKind::Callees => {
            unreachable!("pstats' views have no title")
        }
    }
}

#[test]
fn two_files() {
    let p = scenario::two_files(true);
    check_all_reports("two_files", &p);
    for sort in SortKey::ALL {
        check(&format!("two_files.raw-{}.txt", sort.name()), &p.raw_report(sort));
    }
    let limited = RenderOptions { sort: SortKey::TotTime, limit: Some(5) };
    check("two_files.raw-limit5.txt", &p.raw_report(limited));
    check("two_files.callers-limit5.txt", &p.callers_report(limited));
    check("two_files.callees-limit5.txt", &p.callees_report(limited));
    check("two_files.all.txt", &p.render(&ReportKind::ALL, SortKey::TotTime));
    check("two_files.all-views.txt", &p.render(&ReportKind::EVERY, limited));
}

#[test]
fn a_limit_of_zero_leaves_the_header_alone() {
    let p = scenario::two_files(true);
    let none = RenderOptions { sort: SortKey::default(), limit: Some(0) };
    let raw = p.raw_report(none);
    assert_eq!(raw, "         2119 function calls (147 primitive calls) in 0.062 seconds\n\n");
    assert_eq!(p.callers_report(none), "", "pstats prints nothing for an empty list");
    assert_eq!(p.callees_report(none), "");
    // A limit at or above the number of rows changes nothing.
    let all = RenderOptions { sort: SortKey::default(), limit: Some(p.functions().len()) };
    assert_eq!(p.raw_report(all), p.raw_report(SortKey::default()));
}

#[test]
fn reports_rendered_together_are_separated_by_one_blank_line() {
    let p = scenario::two_files(true);
    let kinds = [ReportKind::MlSummary, ReportKind::Raw, ReportKind::DevSummary];
    let text = p.render(&kinds, SortKey::default());
    let (ml, raw, dev) =
        (p.ml_summary_report(), p.raw_report(SortKey::default()), p.dev_summary_report());
    // ml-summary ends with one newline: one more makes the blank line; raw already ends
    // with two blank lines, as cProfile's output does.
    assert_eq!(text, format!("{ml}\n{raw}{dev}"));
}

#[test]
fn two_files_without_memory() {
    check_all_reports("no_memory", &scenario::two_files(false));
}

#[test]
fn hot_loop() {
    let p = scenario::hot_loop();
    check_all_reports("hot_loop", &p);
    let ml = p.ml_summary_report();
    for finding in ["Many cheap calls", "Mostly standard library", "Allocation-heavy"] {
        assert!(ml.contains(finding), "{finding}");
    }
    let dev = p.dev_details_report();
    for finding in
        ["Native len is called 5,000 times", "Profiler bookkeeping was", "The run allocated"]
    {
        assert!(dev.contains(finding), "{finding}");
    }
}

#[test]
fn no_ml_code() {
    let p = scenario::no_ml_code();
    check_all_reports("no_ml_code", &p);
    assert!(p.ml_summary_report().contains("No ML user code detected"));
}

#[test]
fn front_end_advice_speaks_of_the_cache_only_when_the_run_had_one() {
    let without = scenario::no_ml_code().dev_details_report();
    assert!(without.contains("The front end runs on every run"), "{without}");
    assert!(!without.to_lowercase().contains("cache"), "{without}");
    let with = scenario::no_ml_code_cached().dev_details_report();
    assert!(with.contains("The bytecode cache lets later runs"), "{with}");
}

#[test]
fn no_ml_code_message_only_without_ml_code() {
    for kind in ReportKind::EVERY {
        let text = scenario::two_files(true).report(kind, SortKey::default());
        assert!(!text.contains("No ML user code detected"), "{kind}");
    }
}

#[test]
#[allow(deprecated)]
fn the_seed_names_are_aliases() {
    let p = scenario::two_files(true);
    assert_eq!(p.summary_report(), p.dev_summary_report());
    assert_eq!(p.mlpy_analysis_report(), p.dev_details_report());
}

#[test]
fn the_text_export_honours_sort_and_limit() {
    use mlpy_profile::{ExportFormat, ExportOptions};
    let p = scenario::two_files(true);
    let options = ExportOptions {
        reports: vec![ReportKind::Raw, ReportKind::Callers],
        sort: SortKey::TotTime,
        limit: Some(5),
        ..ExportOptions::default()
    };
    let limited = RenderOptions { sort: SortKey::TotTime, limit: Some(5) };
    let text = String::from_utf8(p.export(ExportFormat::Text, &options)).unwrap();
    assert_eq!(text, format!("{}{}", p.raw_report(limited), p.callers_report(limited)));
    assert!(text.contains("   List reduced from 17 to 5 due to restriction <5>\n"));
}
