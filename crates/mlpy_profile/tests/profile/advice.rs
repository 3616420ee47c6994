//! The recommendations: each rule firing and not firing, and the floor of significance,
//! on scenarios made for them (`scenario.rs`), compared with golden files and checked for
//! the findings they must and must not contain.

use crate::golden::check;
use crate::scenario;

/// The `OPTIMIZATION RECOMMENDATIONS` section of `ml-summary`, unwrapped (every run of
/// white space made one space), the bullets kept as ` - ` and ` * `.
fn advice(text: &str) -> String {
    let at = text.find("OPTIMIZATION RECOMMENDATIONS:").expect("the section is there");
    text[at..].split_whitespace().collect::<Vec<_>>().join(" ")
}

#[track_caller]
fn has(text: &str, what: &str) {
    assert!(text.contains(what), "`{what}` missing from:\n{text}");
}

#[track_caller]
fn lacks(text: &str, what: &str) {
    assert!(!text.contains(what), "`{what}` should not be in:\n{text}");
}

#[test]
fn allocation_free_recursion_gets_the_memoization_advice_with_its_figures() {
    let text = scenario::pure_recursion(true).ml_summary_report();
    check("advice_pure_recursion.ml-summary.txt", &text);
    let text = &advice(&text);
    has(text, "- fib (rec.ml:3): ");
    has(text, "Recursive and allocation-free: it calls itself 1,972 times (of its 1,973 calls)");
    has(text, "if the same ones recur, memoize it");
    // Without memory tracking nothing shows that it does not allocate.
    let text = scenario::pure_recursion(false).ml_summary_report();
    lacks(&advice(&text), "memoize");
}

#[test]
fn quicksort_allocates_fresh_arrays_so_no_memoization() {
    let text = scenario::quicksort().ml_summary_report();
    check("advice_quicksort.ml-summary.txt", &text);
    let text = &advice(&text);
    has(text, "- quicksort (qs.ml:3): ");
    lacks(text, "memoize");
    lacks(text, "allocation-free");
    has(text, "Allocation-heavy: it allocates");
    // It appends to arrays: it already collects pieces.
    lacks(text, "join them once");
}

#[test]
fn string_advice_only_for_a_function_that_does_not_join() {
    let text = scenario::string_building(false).ml_summary_report();
    check("advice_concat.ml-summary.txt", &text);
    has(&advice(&text), "2,000 of those allocations");
    has(&advice(&text), "and it calls no join: if it builds a string piece by piece");
    let text = scenario::string_building(true).ml_summary_report();
    check("advice_joined.ml-summary.txt", &text);
    has(&advice(&text), "Allocation-heavy: it allocates");
    lacks(&advice(&text), "join them once");
}

#[test]
fn an_empty_program_gets_no_recommendation() {
    let p = scenario::tiny();
    let text = p.ml_summary_report();
    check("advice_tiny.ml-summary.txt", &text);
    let text = &advice(&text);
    has(text, "- None: ML code ran for 630ns in all (the run's other 2.01ms were mlpy's own)");
    has(text, "below the 1.00ms a function needs for a recommendation.");
    assert_eq!(text.matches(" - ").count(), 1, "one line, no advice:\n{text}");
    for word in ["memoize", "Allocation", "overhead is", "<module> (empty.ml"] {
        lacks(text, word);
    }
    // dev-details: the startup is a real cost; nothing is said about unused features.
    let dev = p.dev_details_report();
    check("advice_tiny.dev-details.txt", &dev);
    let dev_advice = &dev[dev.find("RUNTIME RECOMMENDATIONS").unwrap()..];
    has(dev_advice, "Sandbox Startup is");
    for unused in ["cache", "Cache", "garbage", "module", "Profiler bookkeeping", "allocated"] {
        lacks(dev_advice, unused);
    }
}

#[test]
fn no_function_below_the_floor_share_gets_advice() {
    let text = scenario::spread().ml_summary_report();
    check("advice_spread.ml-summary.txt", &text);
    let text = &advice(&text);
    has(text, "No function reaches the floor for a recommendation (5% of ML code time and 1.00ms)");
    has(text, "No single function dominates");
    lacks(text, "- step");
}

#[test]
fn no_function_below_the_floor_time_gets_advice() {
    let text = scenario::short_run().ml_summary_report();
    check("advice_short.ml-summary.txt", &text);
    let text = &advice(&text);
    has(text, "- long (short.ml:8): ");
    lacks(text, "- short (short.ml:2)");
}

/// The findings `ml-summary` gives a function.
const FINDINGS: [&str; 5] = [
    "Recursive and allocation-free:",
    "Many cheap calls:",
    "Mostly standard library:",
    "Allocation-heavy:",
    "The time is in its own code",
];

#[test]
fn every_recommendation_states_a_figure() {
    let profiles = [
        scenario::two_files(true),
        scenario::hot_loop(),
        scenario::no_ml_code(),
        scenario::pure_recursion(true),
        scenario::quicksort(),
        scenario::string_building(false),
        scenario::string_building(true),
        scenario::tiny(),
        scenario::spread(),
        scenario::short_run(),
    ];
    for p in &profiles {
        for (report, title) in [
            (p.ml_summary_report(), "OPTIMIZATION RECOMMENDATIONS:"),
            (p.dev_details_report(), "RUNTIME RECOMMENDATIONS:"),
        ] {
            let Some(at) = report.find(title) else { continue };
            // Each recommendation's headline (a `- ` line and its continuation) has a
            // figure in it, and so has every finding (`* `) of a function (the other
            // points say what to try).
            let section = &report[at + title.len()..];
            for item in section.split("\n- ").skip(1) {
                let head = item.split("\n  * ").next().unwrap();
                assert!(
                    head.chars().any(|c| c.is_ascii_digit()),
                    "{}: no figure in `{head}`",
                    p.program()
                );
                for finding in item
                    .split("\n  * ")
                    .skip(1)
                    .filter(|f| FINDINGS.iter().any(|name| f.starts_with(name)))
                {
                    assert!(
                        finding.chars().any(|c| c.is_ascii_digit()),
                        "{}: no figure in `{finding}`",
                        p.program()
                    );
                }
            }
        }
    }
}
