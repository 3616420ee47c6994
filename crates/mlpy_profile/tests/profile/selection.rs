//! `--report` and `--sort` values.

use mlpy_profile::{ReportKind, SortKey};

#[test]
fn report_names_round_trip() {
    for kind in ReportKind::ALL {
        assert_eq!(kind.name().parse::<ReportKind>(), Ok(kind));
    }
    let names: Vec<_> = ReportKind::ALL.iter().map(|k| k.name()).collect();
    assert_eq!(names, ["ml-summary", "ml-details", "dev-summary", "dev-details", "raw"]);
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
}

#[test]
fn unknown_report_lists_the_valid_names() {
    assert_eq!(
        ReportKind::parse_selection("summary"),
        Err("unknown report `summary` (valid: ml-summary, ml-details, dev-summary, \
             dev-details, raw, all)"
            .to_owned())
    );
}

#[test]
fn sort_keys() {
    for key in SortKey::ALL {
        assert_eq!(key.name().parse::<SortKey>(), Ok(key));
    }
    assert_eq!(SortKey::default(), SortKey::CumTime);
    assert_eq!("cumulative".parse::<SortKey>(), Ok(SortKey::CumTime));
    assert_eq!(
        "size".parse::<SortKey>(),
        Err("unknown sort key `size` (valid: tottime, cumtime, calls, name)".to_owned())
    );
}
