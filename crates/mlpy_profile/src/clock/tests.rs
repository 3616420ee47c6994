//! Tests of the clocks: the fake clock's steps, and the production clock's agreement with
//! the OS clock.

use std::time::{Duration, Instant};

use crate::clock::{Clock, FakeClock, MonotonicClock};

#[test]
fn fake_clock_advances_one_step_per_read() {
    let clock = FakeClock::new(1000);
    assert_eq!([clock.now_ns(), clock.now_ns(), clock.now_ns()], [1000, 2000, 3000]);
    assert!(clock.is_deterministic());
    assert_eq!(clock.name(), "fake");
}

#[test]
fn monotonic_clock_never_goes_back() {
    for clock in [MonotonicClock::new(), MonotonicClock::os()] {
        let mut last = clock.now_ns();
        for _ in 0..10_000 {
            let now = clock.now_ns();
            assert!(now >= last, "{} went back: {last} then {now}", clock.name());
            last = now;
        }
        assert!(!clock.is_deterministic());
    }
}

/// Not a timing test: both clocks measure the same sleep, and must agree within a factor
/// that no scheduling delay can break (a delay lengthens both measurements alike).
#[test]
fn monotonic_clock_agrees_with_the_os_clock() {
    let clock = MonotonicClock::new();
    let start = Instant::now();
    let t0 = clock.now_ns();
    std::thread::sleep(Duration::from_millis(20));
    let t1 = clock.now_ns();
    let os_ns = start.elapsed().as_nanos() as f64;
    let ratio = (t1 - t0) as f64 / os_ns;
    assert!((0.5..=1.5).contains(&ratio), "{} measured {ratio} of the OS time", clock.name());
}

/// Not a timing test either: the rate measured again over a sleep converts the ticks of
/// that sleep to about the time the OS clock saw.
#[test]
fn a_rescaled_direct_clock_agrees_with_the_os_clock() {
    let Some(direct) = MonotonicClock::new().direct() else { return };
    let start = Instant::now();
    let t0 = direct.ticks();
    std::thread::sleep(Duration::from_millis(20));
    let t1 = direct.ticks();
    let direct = direct.rescaled();
    let os_ns = start.elapsed().as_nanos() as f64;
    let ratio = direct.ticks_to_ns(t1 - t0) as f64 / os_ns;
    assert!((0.5..=1.5).contains(&ratio), "the TSC measured {ratio} of the OS time");
}
