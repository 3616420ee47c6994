//! A stable merge sort whose comparison can fail (spec §10.2 `sort`, §11.4 `sorted`).
//!
//! ML's `<` raises `TypeError` for incomparable items and is not a total order (NaN), so
//! the standard library's sorts, which may panic on an inconsistent order, are not used.
//! The sort works on indexes, stops at the first failing comparison and returns its
//! error; the items themselves are never moved until the order is known.

use crate::error::Result;
use crate::ops;
use crate::value::Value;

/// Runs shorter than this are sorted by insertion before merging.
const RUN: usize = 16;

/// `items` in ascending order by `<` (descending when `reverse`), stable in both
/// directions: equal items keep their original relative order.
pub(crate) fn sorted_values(items: &[Value], reverse: bool) -> Result<Vec<Value>> {
    let order = if reverse {
        sort_indices(items.len(), &mut |a, b| ops::less_than(&items[b], &items[a]))?
    } else {
        sort_indices(items.len(), &mut |a, b| ops::less_than(&items[a], &items[b]))?
    };
    Ok(order.into_iter().map(|i| items[i].clone()).collect())
}

/// The indexes `0..n` in a stable order by `less(i, j)` ("item `i` sorts before item
/// `j`"). The first error of `less` is returned at once.
pub(crate) fn sort_indices(
    n: usize,
    less: &mut dyn FnMut(usize, usize) -> Result<bool>,
) -> Result<Vec<usize>> {
    // A long sort stops at the deadline.
    let less = &mut |a: usize, b: usize| -> Result<bool> {
        crate::heap::tick()?;
        less(a, b)
    };
    let mut idx: Vec<usize> = (0..n).collect();
    // Insertion sort of each run: an item moves left only past strictly greater items.
    for start in (0..n).step_by(RUN) {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && less(idx[j], idx[j - 1])? {
                idx.swap(j, j - 1);
                j -= 1;
            }
        }
    }
    // Bottom-up merging of neighbouring runs.
    let mut buf: Vec<usize> = Vec::with_capacity(n);
    let mut width = RUN;
    while width < n {
        let mut lo = 0;
        while lo + width < n {
            let mid = lo + width;
            let hi = (lo + 2 * width).min(n);
            // Already in order: the first item of the right run is not before the last
            // item of the left run.
            if less(idx[mid], idx[mid - 1])? {
                merge(&mut idx[lo..hi], mid - lo, &mut buf, less)?;
            }
            lo = hi;
        }
        width = width.saturating_mul(2);
    }
    Ok(idx)
}

/// Merges the sorted halves `run[..mid]` and `run[mid..]`; on equal items the left one
/// comes first.
fn merge(
    run: &mut [usize],
    mid: usize,
    buf: &mut Vec<usize>,
    less: &mut dyn FnMut(usize, usize) -> Result<bool>,
) -> Result<()> {
    buf.clear();
    let (mut i, mut j) = (0, mid);
    while i < mid && j < run.len() {
        if less(run[j], run[i])? {
            buf.push(run[j]);
            j += 1;
        } else {
            buf.push(run[i]);
            i += 1;
        }
    }
    buf.extend_from_slice(&run[i..mid]);
    buf.extend_from_slice(&run[j..]);
    run.copy_from_slice(buf);
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::error::type_error;

    /// Sorts `keys` by the first component only, so stability is visible in the second.
    fn sort_pairs(keys: &[(i32, usize)], reverse: bool) -> Vec<(i32, usize)> {
        let order = sort_indices(keys.len(), &mut |a, b| {
            Ok(if reverse { keys[b].0 < keys[a].0 } else { keys[a].0 < keys[b].0 })
        })
        .expect("no comparison fails");
        order.into_iter().map(|i| keys[i]).collect()
    }

    fn pseudo_random(n: usize) -> Vec<(i32, usize)> {
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        (0..n)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                ((x % 23) as i32, i)
            })
            .collect()
    }

    #[test]
    fn sorts_stably_ascending_and_descending() {
        for n in [0, 1, 2, 15, 16, 17, 31, 33, 100, 1000] {
            let keys = pseudo_random(n);
            let mut expected = keys.clone();
            expected.sort_by_key(|k| k.0);
            assert_eq!(sort_pairs(&keys, false), expected, "n = {n}");
            let mut expected_rev = keys.clone();
            expected_rev.sort_by_key(|k| std::cmp::Reverse(k.0));
            assert_eq!(sort_pairs(&keys, true), expected_rev, "n = {n}");
        }
    }

    #[test]
    fn stops_at_the_first_error() {
        let calls = Cell::new(0);
        let res = sort_indices(100, &mut |a, b| {
            calls.set(calls.get() + 1);
            if a == 50 || b == 50 {
                Err(type_error("boom"))
            } else {
                Ok(a > b)
            }
        });
        assert!(res.is_err());
        let after_error = calls.get();
        assert!(after_error < 100 * 7, "the sort stopped early");
    }

    #[test]
    fn inconsistent_orders_do_not_panic() {
        // `less` that claims everything is before everything else.
        let order = sort_indices(200, &mut |_, _| Ok(true)).expect("no error");
        let mut seen = order.clone();
        seen.sort_unstable();
        assert_eq!(seen, (0..200).collect::<Vec<_>>(), "a permutation");
    }

    #[test]
    fn sorts_values_with_nan_and_mixed_numbers() {
        let items = vec![Value::Int(3), Value::Float(1.5), Value::Float(f64::NAN), Value::Int(-2)];
        let res = sorted_values(&items, false).expect("numbers compare");
        assert_eq!(res.len(), 4);
        let err = sorted_values(&[Value::Int(1), Value::str("a")], false);
        assert!(err.is_err());
    }
}
