//! `.trace.json`: Chrome's Trace Event format (the JSON object form), which Perfetto
//! (<https://ui.perfetto.dev>) and `chrome://tracing` open.
//!
//! One process (the program) with two thread tracks: `pipeline` holds the phases as
//! complete events (`"ph":"X"`), laid out one after another from 0 in the order they
//! first happened; `ML calls` holds the calls, starting where the `execution` phase
//! starts. Timestamps and durations are in microseconds with nanosecond decimals.
//!
//! - With a timeline (`--timeline`), the calls are the recorded activations in their real
//!   order and times (profiler cost included: the timeline shows time as it passed);
//!   activations still open at the last recorded event are closed there. The live heap
//!   is a counter track (`"ph":"C"`, one value where it changed), when memory was tracked.
//!   When the log's cap was reached, an instant event marks where, and `otherData` says
//!   how many events were dropped.
//! - Without one, each calling-context node is one event, laid out like a flame chart:
//!   children one after another from their parent's start, in the order they first ran,
//!   the parent's self time after them. `otherData` says the calls are aggregated, and
//!   there is no heap track (the tree does not know when memory was live).
//!
//! Complete events come in pre-order (a parent before its children), and every child's
//! interval lies within its parent's.

use std::fmt::Write;

use crate::profile::{FunctionKind, Profile, Timeline};

const PID: u32 = 1;
const PHASES_TID: u32 = 1;
const CALLS_TID: u32 = 2;

pub(crate) fn write(p: &Profile) -> String {
    let mut t = Trace { p, out: String::with_capacity(256 + p.cct().len() * 160), first: true };
    t.out.push_str("{\"traceEvents\":[");
    t.metadata("process_name", 0, p.program());
    t.metadata("thread_name", PHASES_TID, "pipeline");
    t.metadata("thread_name", CALLS_TID, "ML calls");
    // The pipeline above the calls, in viewers that honour it.
    for (tid, index) in [(PHASES_TID, 0), (CALLS_TID, 1)] {
        t.next();
        let _ = write!(
            t.out,
            "{{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":{PID},\"tid\":{tid},\
             \"args\":{{\"sort_index\":{index}}}}}"
        );
    }
    let exec_start = t.phases();
    let mut notes = Vec::new();
    match p.timeline() {
        Some(timeline) => t.timeline(timeline, exec_start, &mut notes),
        None => {
            t.flame_chart(exec_start);
            notes.push((
                "calls",
                "aggregated: one event per calling-context node (call path), its duration the \
                 node's total time over all its calls, children laid out one after another in \
                 the order they first ran, like a flame chart; run with --timeline to record \
                 the real sequence of calls"
                    .to_owned(),
            ));
            notes.push((
                "heap",
                "no heap track: the calling-context tree does not record when memory was live; \
                 run with --timeline to record it"
                    .to_owned(),
            ));
        }
    }
    t.out.push_str("\n],\n\"displayTimeUnit\":\"ns\",\n\"otherData\":{\"program\":");
    string(&mut t.out, p.program());
    t.out.push_str(",\"exporter\":");
    string(&mut t.out, &format!("mlpy {}", env!("CARGO_PKG_VERSION")));
    let _ = write!(t.out, ",\"total_ns\":{}", p.total_ns());
    t.out.push_str(
        ",\"phases\":\"each phase's time over the whole run (a phase that ran several times \
         is one event), laid out one after another from 0 in the order they first happened; \
         profiler cost subtracted\"",
    );
    for (key, note) in notes {
        let _ = write!(t.out, ",\"{key}\":");
        string(&mut t.out, &note);
    }
    t.out.push_str("}}\n");
    t.out
}

struct Trace<'a> {
    p: &'a Profile,
    out: String,
    first: bool,
}

impl Trace<'_> {
    /// Starts the next element of `traceEvents`.
    fn next(&mut self) {
        self.out.push_str(if self.first { "\n" } else { ",\n" });
        self.first = false;
    }

    fn metadata(&mut self, what: &str, tid: u32, name: &str) {
        self.next();
        let _ = write!(self.out, "{{\"name\":\"{what}\",\"ph\":\"M\",\"pid\":{PID},\"tid\":{tid},");
        self.out.push_str("\"args\":{\"name\":");
        string(&mut self.out, name);
        self.out.push_str("}}");
    }

    /// A complete event; `args` is the inside of the `args` object.
    fn complete(&mut self, name: &str, cat: &str, tid: u32, ts_ns: u64, dur_ns: u64, args: &str) {
        self.next();
        self.out.push_str("{\"name\":");
        string(&mut self.out, name);
        let _ = write!(self.out, ",\"cat\":\"{cat}\",\"ph\":\"X\",\"ts\":");
        micros(&mut self.out, ts_ns);
        self.out.push_str(",\"dur\":");
        micros(&mut self.out, dur_ns);
        let _ = write!(self.out, ",\"pid\":{PID},\"tid\":{tid},\"args\":{{{args}}}}}");
    }

    /// The phases on their own track; returns where execution starts.
    fn phases(&mut self) -> u64 {
        let mut ts = 0;
        let mut exec_start = None;
        for phase in self.p.phases() {
            if phase.name == "execution" && exec_start.is_none() {
                exec_start = Some(ts);
            }
            let args = format!("\"alloc_bytes\":{}", phase.alloc_bytes);
            self.complete(&phase.name, "phase", PHASES_TID, ts, phase.ns, &args);
            ts += phase.ns;
        }
        exec_start.unwrap_or(ts)
    }

    /// The event of a call of function `func`; `extra` goes into `args` after the
    /// function's source position.
    fn call(&mut self, func: u32, ts_ns: u64, dur_ns: u64, extra: &str) {
        let p = self.p;
        let Some(f) = p.functions().get(func as usize) else {
            self.complete("<unknown function>", "unknown", CALLS_TID, ts_ns, dur_ns, extra);
            return;
        };
        let mut args = String::new();
        if !f.info.file.is_empty() {
            args.push_str("\"file\":");
            string(&mut args, &f.info.file);
            let _ = write!(args, ",\"line\":{}", f.info.line);
        }
        if !extra.is_empty() {
            if !args.is_empty() {
                args.push(',');
            }
            args.push_str(extra);
        }
        let cat = f.info.kind.name();
        self.complete(&f.info.name, cat, CALLS_TID, ts_ns, dur_ns, &args);
    }

    /// The calling-context tree laid out as a flame chart.
    fn flame_chart(&mut self, start: u64) {
        let cct = self.p.cct();
        let n = cct.len();
        // Children in tree order, as ranges of one array (parents come before children).
        let mut first_child = vec![0u32; n + 1];
        for node in cct {
            if let Some(parent) = node.parent {
                first_child[parent as usize + 1] += 1;
            }
        }
        for idx in 0..n {
            first_child[idx + 1] += first_child[idx];
        }
        let mut fill = first_child.clone();
        let mut children = vec![0u32; first_child[n] as usize];
        for (idx, node) in cct.iter().enumerate() {
            if let Some(parent) = node.parent {
                children[fill[parent as usize] as usize] = idx as u32;
                fill[parent as usize] += 1;
            }
        }
        // A node's width is its total time, widened if its children's add up to more (a
        // profile read from a file may not keep the sum exactly), so children nest.
        let mut width: Vec<u64> = cct.iter().map(|node| node.total_ns).collect();
        let mut below = vec![0u64; n];
        for idx in (0..n).rev() {
            width[idx] = width[idx].max(below[idx]);
            if let Some(parent) = cct[idx].parent {
                below[parent as usize] += width[idx];
            }
        }
        let mut stack: Vec<(u32, u64)> = Vec::new();
        let mut ts = start;
        for (idx, node) in cct.iter().enumerate() {
            let is_phase = self
                .p
                .functions()
                .get(node.function as usize)
                .is_some_and(|f| f.info.kind == FunctionKind::Phase);
            if node.parent.is_some() || is_phase {
                continue;
            }
            stack.push((idx as u32, ts));
            ts += width[idx];
            while let Some((node, at)) = stack.pop() {
                let c = &cct[node as usize];
                let extra = format!(
                    "\"calls\":{},\"self_ns\":{},\"total_ns\":{},\"alloc_bytes\":{}",
                    c.calls, c.self_ns, c.total_ns, c.alloc_bytes
                );
                self.call(c.function, at, width[node as usize], &extra);
                let kids = &children
                    [first_child[node as usize] as usize..first_child[node as usize + 1] as usize];
                let mut child_at = at + below[node as usize];
                for &kid in kids.iter().rev() {
                    child_at -= width[kid as usize];
                    stack.push((kid, child_at));
                }
            }
        }
    }

    /// The calls as the timeline recorded them, and the heap as a counter.
    fn timeline(&mut self, timeline: &Timeline, start: u64, notes: &mut Vec<(&str, String)>) {
        struct Call {
            func: u32,
            ts: u64,
            end: u64,
        }
        let mut calls: Vec<Call> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        for event in &timeline.events {
            match event.enter {
                Some(func) => {
                    open.push(calls.len());
                    calls.push(Call { func, ts: event.ts_ns, end: event.ts_ns });
                }
                None => {
                    if let Some(call) = open.pop() {
                        calls[call].end = event.ts_ns;
                    }
                }
            }
        }
        let last = timeline.events.last().map_or(0, |e| e.ts_ns);
        let left_open = open.len();
        for call in open {
            calls[call].end = last;
        }
        for call in &calls {
            let dur = call.end.saturating_sub(call.ts);
            self.call(call.func, start + call.ts, dur, "");
        }
        if self.p.memory_tracked() {
            let mut heap = None;
            for event in &timeline.events {
                if heap != Some(event.heap_bytes) {
                    heap = Some(event.heap_bytes);
                    self.next();
                    self.out.push_str("{\"name\":\"heap\",\"ph\":\"C\",\"ts\":");
                    micros(&mut self.out, start + event.ts_ns);
                    let _ = write!(
                        self.out,
                        ",\"pid\":{PID},\"tid\":{CALLS_TID},\"args\":{{\"live bytes\":{}}}}}",
                        event.heap_bytes
                    );
                }
            }
        }
        notes.push((
            "calls",
            format!(
                "from the timeline: {} events in the order they happened, times as they passed \
                 (the profiler's own cost not subtracted)",
                timeline.events.len()
            ),
        ));
        if !self.p.memory_tracked() {
            notes.push(("heap", "no heap track: memory was not tracked (--no-memory)".to_owned()));
        }
        if timeline.dropped == 0 && left_open > 0 {
            notes.push((
                "timeline",
                format!(
                    "{left_open} activations still open at the last recorded event are closed there"
                ),
            ));
        }
        if timeline.dropped > 0 {
            self.next();
            self.out.push_str(
                "{\"name\":\"timeline cap reached\",\"cat\":\"mlpy\",\"ph\":\"i\",\"s\":\"g\",\"ts\":",
            );
            micros(&mut self.out, start + last);
            let _ = write!(
                self.out,
                ",\"pid\":{PID},\"tid\":{CALLS_TID},\"args\":{{\"cap\":{},\"dropped\":{}}}}}",
                timeline.cap, timeline.dropped
            );
            notes.push((
                "timeline",
                format!(
                    "truncated: the timeline keeps at most {} events and {} later events were \
                     dropped; the {} activations still open at the last recorded event are \
                     closed there",
                    timeline.cap, timeline.dropped, left_open
                ),
            ));
        }
    }
}

/// Nanoseconds as microseconds: `12`, `12.5`, `12.345`.
fn micros(out: &mut String, ns: u64) {
    let (whole, frac) = (ns / 1_000, ns % 1_000);
    let _ = write!(out, "{whole}");
    if frac != 0 {
        let digits = format!("{frac:03}");
        out.push('.');
        out.push_str(digits.trim_end_matches('0'));
    }
}

/// A JSON string literal.
fn string(out: &mut String, s: &str) {
    out.push_str(&serde_json::to_string(s).expect("a string always serializes"));
}

#[cfg(test)]
mod tests {
    use super::micros;

    #[test]
    fn microseconds_keep_every_nanosecond() {
        let show = |ns| {
            let mut out = String::new();
            micros(&mut out, ns);
            out
        };
        assert_eq!(show(0), "0");
        assert_eq!(show(1), "0.001");
        assert_eq!(show(1_500), "1.5");
        assert_eq!(show(2_000), "2");
        assert_eq!(show(61_867_810), "61867.81");
        assert_eq!(show(u64::MAX), "18446744073709551.615");
    }
}
