//! Tests of number formatting and tables.

use crate::format::{bytes, count, percent, time, time_ps, truncate, Align, Table};

#[test]
fn times_pick_a_unit() {
    let cases = [
        (0, "0ns"),
        (999, "999ns"),
        (1_000, "1.00µs"),
        (12_345, "12.35µs"),
        (999_994, "999.99µs"),
        (999_995, "1.00ms"),
        (123_456_789, "123.46ms"),
        (999_995_000, "1.000s"),
        (2_456_000_000, "2.456s"),
    ];
    for (ns, want) in cases {
        assert_eq!(time(ns), want, "{ns} ns");
    }
    assert_eq!(time_ps(12_345), "12.3ns");
    assert_eq!(time_ps(800), "800ps");
}

#[test]
fn memory_uses_binary_multiples() {
    let cases = [
        (0, "0 B"),
        (1023, "1023 B"),
        (1024, "1.0 KB"),
        (12_800, "12.5 KB"),
        (1024 * 1024, "1.0 MB"),
        (47_395_635, "45.2 MB"),
        (3 * 1024 * 1024 * 1024, "3.00 GB"),
    ];
    for (n, want) in cases {
        assert_eq!(bytes(n), want, "{n} bytes");
    }
}

#[test]
fn counts_and_percentages() {
    assert_eq!(count(0), "0");
    assert_eq!(count(999), "999");
    assert_eq!(count(1_000), "1,000");
    assert_eq!(count(242_785), "242,785");
    assert_eq!(count(1_234_567), "1,234,567");
    assert_eq!(percent(1, 3), "33.3%");
    assert_eq!(percent(5, 0), "0.0%");
    assert_eq!(truncate("abcdefgh", 6), "abc...");
    assert_eq!(truncate("abc", 6), "abc");
}

#[test]
fn tables_align_and_fit_their_title() {
    let mut table = Table::new(&[("Function", Align::Left), ("Time", Align::Right)])
        .with_title("a title wider than the columns".to_owned());
    table.row(vec!["fib".to_owned(), "1.00µs".to_owned()]);
    let mut out = String::new();
    table.render(&mut out);
    let want = "\
+--------------------------------+
| a title wider than the columns |
+----------+---------------------+
| Function |                Time |
+----------+---------------------+
| fib      |              1.00µs |
+----------+---------------------+
";
    assert_eq!(out, want);
}
