//! The run's deadline as natives see it: a native that may block (reading a FIFO, a
//! device) or loop over the file system waits at most until the `--timeout` deadline.

use std::time::Duration;

use super::Vm;
use crate::error::RuntimeError;

impl Vm {
    /// The time left before the run's time limit: `None` without one, zero once passed.
    pub fn remaining_time(&self) -> Option<Duration> {
        self.limits.timeout.map(|t| t.saturating_sub(self.started.elapsed()))
    }

    /// Whether the run's time limit has passed.
    pub fn out_of_time(&self) -> bool {
        self.remaining_time().is_some_and(|d| d.is_zero())
    }

    /// The (uncatchable) end of a run that went past its time limit.
    #[cold]
    pub fn time_limit_error(&self) -> RuntimeError {
        // The heap's words, naming the limit as the user wrote it.
        let _active = self.heap.activate();
        crate::heap::time_limit_error()
    }
}
