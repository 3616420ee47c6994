//! The watchdog: one timer thread per process raises a VM's interrupt flag when its
//! `--timeout` deadline passes.
//!
//! The run loop checks the clock only at safepoints (every `SAFEPOINT_INTERVAL` back-edges
//! and calls), which a loop whose body is one long native call reaches too rarely: 1024
//! calls of a 10 ms `find` overshoot a one-second limit by ten. After every native
//! function or method call the VM reads its flag instead (one relaxed load), so a run ends
//! within one native call of its deadline; natives that loop for long check
//! `heap::check_deadline` themselves.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, OnceLock, Weak};
use std::time::Instant;

/// A deadline to watch: the flag to raise, held weakly (a finished VM's flag is dropped).
struct Watch {
    at: Instant,
    seq: u64,
    flag: Weak<AtomicBool>,
}

impl PartialEq for Watch {
    fn eq(&self, other: &Watch) -> bool {
        (self.at, self.seq) == (other.at, other.seq)
    }
}
impl Eq for Watch {}
impl PartialOrd for Watch {
    fn partial_cmp(&self, other: &Watch) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Watch {
    fn cmp(&self, other: &Watch) -> std::cmp::Ordering {
        (self.at, self.seq).cmp(&(other.at, other.seq))
    }
}

static TIMER: OnceLock<Mutex<Sender<Watch>>> = OnceLock::new();

/// Raises `flag` at `at` (at once if `at` has passed).
pub(crate) fn arm(at: Instant, flag: &Arc<AtomicBool>) {
    static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let watch = Watch { at, seq: SEQ.fetch_add(1, Ordering::Relaxed), flag: Arc::downgrade(flag) };
    let sender = TIMER.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<Watch>();
        // Detached: it sleeps until the next deadline and ends with the process. If no
        // thread can be made, the safepoints' own clock checks remain.
        let _ = std::thread::Builder::new().name("mlpy-watchdog".into()).spawn(move || run(rx));
        Mutex::new(tx)
    });
    let sender = sender.lock().unwrap_or_else(|e| e.into_inner());
    let _ = sender.send(watch);
}

fn run(rx: mpsc::Receiver<Watch>) {
    let mut pending: BinaryHeap<Reverse<Watch>> = BinaryHeap::new();
    loop {
        let now = Instant::now();
        while pending.peek().is_some_and(|Reverse(w)| w.at <= now) {
            let Reverse(w) = pending.pop().expect("peeked");
            if let Some(flag) = w.flag.upgrade() {
                flag.store(true, Ordering::Relaxed);
            }
        }
        let next = match pending.peek() {
            Some(Reverse(w)) => rx.recv_timeout(w.at.saturating_duration_since(now)),
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match next {
            Ok(w) => pending.push(Reverse(w)),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn flags_are_raised_at_their_deadlines_in_order() {
        let late = Arc::new(AtomicBool::new(false));
        let early = Arc::new(AtomicBool::new(false));
        let now = Instant::now();
        arm(now + Duration::from_secs(3600), &late);
        arm(now + Duration::from_millis(30), &early);
        let passed = Arc::new(AtomicBool::new(false));
        arm(now - Duration::from_millis(1), &passed);
        let waited = Instant::now();
        while !(early.load(Ordering::Relaxed) && passed.load(Ordering::Relaxed)) {
            assert!(waited.elapsed() < Duration::from_secs(5), "the watchdog did not fire");
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(Instant::now() >= now + Duration::from_millis(30));
        assert!(!late.load(Ordering::Relaxed), "a later deadline is not raised early");
    }
}
