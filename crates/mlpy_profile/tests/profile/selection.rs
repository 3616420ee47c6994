//! `--report` and `--sort` values.

use mlpy_profile::{ReportKind, SortKey};

#[test]
fn report_names_round_trip() {
    for kind in ReportKind::EVERY {
        assert_eq!(kind.name().parse::<ReportKind>(), Ok(kind));
    }
    let names: Vec<_> = ReportKind::ALL.iter().map(|k| k.name()).collect();
    assert_eq!(names, ["ml-summary", "ml-details", "dev-summary", "dev-details", "raw"]);
    let views: Vec<_> =
        ReportKind::EVERY.iter().filter(|k| k.is_pstats_view()).map(|k| k.name()).collect();
    assert_eq!(views, ["raw", "callers", "callees"]);
}

#[test]
fn all_expands_to_the_five_in_order() {
    assert_eq!(ReportKind::parse_selection("all"), Ok(ReportKind::ALL.to_vec()));
    assert_eq!(ReportKind::parse_selection("raw"), Ok(vec![ReportKind::Raw]));
    assert_eq!(
        ReportKind::parse_selections(&["raw", "ml-summary", "raw"]),
        Ok(vec![ReportKind::Raw, ReportKind::MlSummary])
    );
    assert_eq!(ReportKind::parse_selections::<&str>(&[]), Ok(vec![ReportKind::MlSummary]));
    assert_eq!(ReportKind::parse_selections(&["raw", "all"]).map(|v| v.len()), Ok(5));
    // `all` is the seed's five; the call views are selected by name.
    assert_eq!(
        ReportKind::parse_selections(&["all", "callers", "callees"]).map(|v| v.len()),
        Ok(7)
    );
}

#[test]
fn unknown_report_lists_the_valid_names() {
    assert_eq!(
        ReportKind::parse_selection("summary"),
        Err("unknown report `summary` (valid: ml-summary, ml-details, dev-summary, \
             dev-details, raw, callers, callees, all)"
            .to_owned())
    );
}

#[test]
fn sort_keys() {
    for key in SortKey::ALL {
        assert_eq!(key.name().parse::<SortKey>(), Ok(key));
    }
    assert_eq!(SortKey::default(), SortKey::CumTime);
    let full = [
        ("calls", SortKey::Calls),
        ("ncalls", SortKey::Calls),
        ("cumtime", SortKey::CumTime),
        ("cumulative", SortKey::CumTime),
        ("filename", SortKey::Filename),
        ("module", SortKey::Filename),
        ("line", SortKey::Line),
        ("name", SortKey::Name),
        ("nfl", SortKey::Nfl),
        ("pcalls", SortKey::PrimitiveCalls),
        ("stdname", SortKey::StdName),
        ("time", SortKey::TotTime),
        ("tottime", SortKey::TotTime),
    ];
    for (name, key) in full {
        assert_eq!(name.parse::<SortKey>(), Ok(key), "{name}");
    }
    assert_eq!(SortKey::NAMES.len(), full.len());
    assert_eq!(
        "size".parse::<SortKey>(),
        Err("unknown sort key `size` (valid: calls, ncalls, cumtime, cumulative, filename, \
             line, module, name, nfl, pcalls, stdname, time, tottime, or an unambiguous \
             prefix of one)"
            .to_owned())
    );
}

#[test]
fn sort_key_abbreviations_are_the_ones_pstats_accepts() {
    let ok = |s: &str, key| assert_eq!(s.parse::<SortKey>(), Ok(key), "`{s}`");
    ok("file", SortKey::Filename);
    ok("f", SortKey::Filename);
    ok("mod", SortKey::Filename);
    ok("cumu", SortKey::CumTime);
    ok("cumt", SortKey::CumTime);
    // pstats keeps the shorter prefixes of the first key that reaches them.
    ok("cu", SortKey::CumTime);
    ok("ca", SortKey::Calls);
    ok("nc", SortKey::Calls);
    ok("nf", SortKey::Nfl);
    ok("na", SortKey::Name);
    ok("s", SortKey::StdName);
    ok("p", SortKey::PrimitiveCalls);
    ok("ti", SortKey::TotTime);
    ok("to", SortKey::TotTime);
    // Ambiguous in pstats (`cum` is reached by both `cumtime` and `cumulative`, which
    // pstats does not notice are the same sort), so refused, as pstats refuses them.
    for s in ["c", "cum", "n", "t", "", "Calls", "callsx"] {
        assert!(s.parse::<SortKey>().is_err(), "`{s}`");
    }
    // The oracle test checks the whole list against CPython's.
    assert_eq!(SortKey::accepted().len(), 66);
}
